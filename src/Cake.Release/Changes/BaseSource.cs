namespace Cake.Release.Changes;

/// <summary>Where a service's base commit (what its changes are measured from) came from.</summary>
public enum BaseSource
{
    /// <summary><c>--base</c> (<see cref="DetectChangedSettings.Base"/>) named it.</summary>
    Argument,

    /// <summary>The commit the auto environment's manifest records for the service: what runs in dev now.</summary>
    Manifest,

    /// <summary>The merge-base of head with the remote's main branch.</summary>
    MergeBase,

    /// <summary>There was no base to compare with, so the service counts as changed.</summary>
    None,
}
