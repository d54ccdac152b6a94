using System.Globalization;
using Cake.Release.Config;
using Cake.Release.Manifests;

namespace Cake.Release.Promotion;

/// <summary>
/// The <c>freeze</c> gate: a promotion into an environment is refused while one of its change windows is in force,
/// unless <c>--break-glass=&lt;reason&gt;</c> lets it through, which the check says and the release records. Rollback is
/// never asked (recovery is what a freeze must allow), so this gate is the promotions' alone.
/// </summary>
internal static class FreezeCheck
{
    public static PromotionCheck Evaluate(EnvironmentConfig target, DateTimeOffset now, string? breakGlass, bool alreadyDone)
    {
        var inForce = target.Freeze.Select(w => w.At(now)).OfType<ChangeWindowPeriod>().ToList();
        if (inForce.Count == 0)
        {
            var none = target.Freeze.Count == 0 ? $"no change window in force ({target.Name} declares none)" : $"no change window in force (of {target.Freeze.Count} declared for {target.Name})";
            return new PromotionCheck("freeze", true, breakGlass is null ? none : $"{none}; --break-glass is not needed, and nothing is recorded for it");
        }

        var windows = string.Join("; and ", inForce.Select(p => $"{p.Window.Title} until {Wall(p.End, p.Window.TimeZone)} ({Utc(p.End)})"));
        var frozen = $"{target.Name} is in a change window: {windows}";
        if (breakGlass is not null)
        {
            return new PromotionCheck("freeze", true, $"{frozen}; let through by --break-glass: {breakGlass}") { Waiver = new Waiver(Waiver.BreakGlass, breakGlass) };
        }

        // The environment already runs this release: a re-run only completes tags and notifications an earlier run
        // left undone, and changes nothing the freeze protects.
        if (alreadyDone)
        {
            return new PromotionCheck("freeze", true, $"{frozen}; {target.Name} already runs this release, so completing an earlier run changes nothing there");
        }

        var reopens = inForce.Max(p => p.End);
        return new PromotionCheck("freeze", false, $"{frozen}; promote after {Utc(reopens)}, or, if it cannot wait, pass --break-glass=\"<reason>\" (recorded in the manifest commit and the notification)");
    }

    private static string Wall(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + zone.Id;

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
