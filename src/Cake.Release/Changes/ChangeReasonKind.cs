namespace Cake.Release.Changes;

/// <summary>Why a service counts as changed.</summary>
public enum ChangeReasonKind
{
    /// <summary>Files inside the service's own <c>path</c> changed.</summary>
    Files,

    /// <summary>Files under a path the service names in <c>dependsOn</c> changed.</summary>
    DependsOnPath,

    /// <summary>A service it names in <c>dependsOn</c> changed (directly or through its own dependencies).</summary>
    DependsOnService,

    /// <summary>
    /// Files under the service's configuration paths (<c>deploy:</c>, its folder of a rendered overlay) changed:
    /// deployed with the image it already runs, without a new build.
    /// </summary>
    Configuration,

    /// <summary>There was no base to compare with (first commit, unrelated history, a base lost to a force push), so every service counts.</summary>
    NoBase,
}
