namespace Cake.Release.GitOps;

/// <summary>Where the release branch stands on the remote relative to the commit being released.</summary>
public enum ReleaseBranchState
{
    /// <summary>No such branch yet: it is created at the commit.</summary>
    Absent,

    /// <summary>The branch already holds the commit: left as it is.</summary>
    Contains,

    /// <summary>The commit is ahead of the branch: the branch fast-forwards to it.</summary>
    Behind,

    /// <summary>The branch has commits the release lacks (a hotfix line): refused.</summary>
    Diverged,
}
