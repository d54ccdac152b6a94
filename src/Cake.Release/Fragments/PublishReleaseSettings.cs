namespace Cake.Release.Fragments;

/// <summary>What <c>PublishRelease</c> publishes and whether it verifies the table against git.</summary>
public sealed class PublishReleaseSettings : ReleaseSettings
{
    /// <summary>
    /// Compare the table's items of this repository with the facts of git and repair the table (<c>--verify</c>):
    /// missing items are put, different ones replaced (git wins), extra ones deleted, <c>current</c> markers fixed.
    /// </summary>
    public bool Verify { get; set; }

    /// <summary>Only these environments (<c>--env</c>, repeatable); empty: all. With environments named, release tags are left out.</summary>
    public ICollection<string> Environments { get; } = [];

    /// <summary>Only these services (<c>--service</c>, repeatable); empty: all.</summary>
    public ICollection<string> Services { get; } = [];
}
