using Cake.Core.IO;

namespace Cake.Release.Init;

/// <summary>What <see cref="InitAliases.Init"/> wrote, or in a dry run would have written.</summary>
/// <param name="Path">The configuration file's absolute path.</param>
/// <param name="Text">The file's text.</param>
/// <param name="Written">False in a dry run: the text was printed, not written.</param>
/// <param name="Config">What the text describes: services, environments, builder.</param>
/// <param name="Wiring">The Argo CD and Flux files for rendered mode (written, or in a dry run printed), relative to the repository root; empty without overlays.</param>
/// <param name="Kept">Those of <paramref name="Wiring"/> that already existed: left as they were, never overwritten.</param>
public sealed record InitResult(FilePath Path, string Text, bool Written, StarterConfig Config, IReadOnlyList<WiringFile> Wiring, IReadOnlyList<string> Kept);
