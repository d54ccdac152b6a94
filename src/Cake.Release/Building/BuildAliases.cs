using Cake.Core;
using Cake.Core.Annotations;

namespace Cake.Release.Building;

/// <summary>Builds each service's image once per commit and pushes it under the build tag.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.Building")]
public static class BuildAliases
{
    /// <summary>
    /// For each service (the given ones, else those in <c>artifacts/changed.json</c>), builds and pushes the image
    /// tagged <c>tags.build</c> for the commit, unless the registry already has that tag; reports the digests and
    /// writes <c>artifacts/builds.json</c>. Independent services build in parallel. A failed build does not stop the
    /// others; the alias throws afterwards, naming every failed service. With <c>--dryrun</c> it only says what it would do.
    /// </summary>
    /// <example><code>
    /// var settings = new BuildOnceSettings(); settings.Services.Add("blue");
    /// var result = BuildOnce(settings);
    /// </code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Build")]
    public static BuildOnceResult BuildOnce(this ICakeContext context, BuildOnceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return new BuildOnceRun(context, settings).Run();
    }
}
