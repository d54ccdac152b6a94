namespace Cake.Release.Changes;

/// <summary>How a change set was found, over all services.</summary>
public enum ChangeMode
{
    /// <summary>Every service compared with <c>--base</c>.</summary>
    Argument,

    /// <summary>Every service compared with the commit the auto environment runs.</summary>
    Manifest,

    /// <summary>Every service compared with the merge-base of head and the main branch.</summary>
    MergeBase,

    /// <summary>No service had a base: every service counts as changed.</summary>
    Everything,

    /// <summary>Services had bases of different sources (say, most from the manifest, a new one from the merge-base).</summary>
    Mixed,
}
