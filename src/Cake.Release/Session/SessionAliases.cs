using Cake.Core;
using Cake.Core.Annotations;

namespace Cake.Release.Session;

/// <summary>The release session of a Cake script's run.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.Session")]
public static class SessionAliases
{
    /// <summary>
    /// The run's release session: the loaded release.yaml, the clock, the dry-run flag, and what the release tasks
    /// of this run left for each other (a checked promotion, the images BuildOnce built).
    /// </summary>
    /// <example><code>var config = ReleaseSession().Config("release.yaml");</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Session")]
    public static ReleaseSession ReleaseSession(this ICakeContext context) => Session.ReleaseSession.Of(context);
}
