namespace Cake.Release.Changes;

/// <summary>What head looks like before changes are measured: the full commit id, how many parents it has, whether
/// the clone is shallow, and the base argument resolved in the same git call (null when it did not resolve).</summary>
internal sealed record HeadProbe(string Head, int Parents, bool Shallow, string ShallowFile, string? Base);
