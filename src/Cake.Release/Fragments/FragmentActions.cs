namespace Cake.Release.Fragments;

/// <summary>What a fragment records: how the version got where it is.</summary>
public static class FragmentActions
{
    /// <summary>A release was cut: a release tag, a chart version.</summary>
    public const string Release = "release";

    /// <summary>DeployDev recorded a build in the auto environment.</summary>
    public const string Deploy = "deploy";

    /// <summary>A promotion from the environment before.</summary>
    public const string Promote = "promote";

    /// <summary>A rollback to an earlier release.</summary>
    public const string Rollback = "rollback";

    /// <summary>A hotfix release (a patch cut from a release branch) reached the environment.</summary>
    public const string Hotfix = "hotfix";
}
