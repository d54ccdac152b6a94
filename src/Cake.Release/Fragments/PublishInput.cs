using Cake.Release.Config;
using Cake.Release.GitOps;

namespace Cake.Release.Fragments;

/// <summary>
/// What a publish covers: the environments whose manifest history is published past its mark, and whether the
/// release tags are; <paramref name="Why"/> names the target for the log.
/// </summary>
/// <param name="Config">The release configuration, with its <c>publish:</c>.</param>
/// <param name="Environments">The environments whose history is published.</param>
/// <param name="Tags">Whether the release tags are published too.</param>
/// <param name="Why">The target publishing, e.g. <c>PromoteProduction</c>.</param>
/// <param name="Git">How git is run.</param>
internal sealed record PublishInput(ReleaseConfig Config, IReadOnlyList<EnvironmentConfig> Environments, bool Tags, string Why, GitSettings? Git);
