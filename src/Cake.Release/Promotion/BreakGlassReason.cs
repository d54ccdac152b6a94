using Cake.Release.GitOps;

namespace Cake.Release.Promotion;

/// <summary>
/// <c>--break-glass=&lt;reason&gt;</c> as recorded: the reason is the point of breaking the glass, so a blank one is refused
/// before anything is read or changed, and it goes into a commit trailer, so it must be one line.
/// </summary>
internal static class BreakGlassReason
{
    public static string? Of(string? given)
    {
        if (given is null)
        {
            return null;
        }

        var reason = AuditText.OneLine(given, "--break-glass").Trim();
        return reason.Length > 0 && reason != "true"
            ? reason
            : throw new ReleaseException("--break-glass needs a reason, which the manifest commit and the notification record: pass e.g. --break-glass=\"INC-4711: payments fail in production\" (or set RELEASE_BREAK_GLASS).");
    }
}
