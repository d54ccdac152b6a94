using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Cake.Release.Config;

/// <summary>
/// <c>environments.&lt;name&gt;.freeze</c>: the change windows during which promotions into the environment are refused,
/// each either dates (<c>from:</c>/<c>until:</c>) or cron schedules (<c>start:</c>/<c>end:</c>), with an optional
/// <c>timeZone:</c> (IANA, UTC by default) and <c>reason:</c>. Every entry is checked here, so a window that could never
/// be read (a time that does not parse, a zone that does not exist, an end before its start) stops the load.
/// </summary>
internal static class FreezeSection
{
    private static readonly string[] Keys = ["from", "until", "start", "end", "timeZone", "reason"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
    private const string Example = "- { from: \"2026-12-20T00:00\", until: \"2027-01-04T08:00\", timeZone: Europe/Berlin, reason: year-end } or - { start: \"0 18 * * FRI\", end: \"0 6 * * MON\" }";

    public static IReadOnlyList<ChangeWindow> Read(ConfigReader reader, YamlMappingNode environment, string parent)
    {
        if (ConfigReader.Optional(environment, "freeze") is not { } node)
        {
            return [];
        }

        var key = $"{parent}.freeze";
        var list = reader.Sequence(node, key, $"a list of change windows, {Example}");
        var windows = new List<ChangeWindow>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            windows.Add(Window(reader, list.Children[i], $"{key}[{i}]"));
        }

        return windows;
    }

    private static ChangeWindow Window(ConfigReader reader, YamlNode node, string key)
    {
        var item = reader.Mapping(node, key, Example);
        reader.Entries(item, key, Keys, "a key of a change window");
        var dated = new[] { "from", "until" }.Where(k => ConfigReader.Optional(item, k) is not null).ToList();
        var recurring = new[] { "start", "end" }.Where(k => ConfigReader.Optional(item, k) is not null).ToList();
        if (dated.Count > 0 && recurring.Count > 0)
        {
            throw reader.Error(ConfigReader.Optional(item, recurring[0])!, $"{key}.{recurring[0]}",
                $"{key} mixes dates ({string.Join(", ", dated.Select(k => k + ":"))}) with a cron schedule ({string.Join(", ", recurring.Select(k => k + ":"))}); write from: and until: for one period, or start: and end: for a recurring one, as separate list items");
        }

        if (dated.Count == 0 && recurring.Count == 0)
        {
            throw reader.Error(node, key, $"{key} names no period; write from: and until: (dates), or start: and end: (cron schedules), e.g. {Example}");
        }

        var zone = Zone(reader, item, key);
        var reason = reader.OptionalText(item, key, "reason", r => r.Trim().Length == 0 ? "is blank; say why, e.g. reason: year-end freeze, or leave reason: out" : null)?.Trim();
        var location = reader.At(node, key);
        if (dated.Count > 0)
        {
            var from = Time(reader, reader.Required(item, node, key, "from", "from: \"2026-12-20T00:00\" (when the window opens)"), $"{key}.from");
            var untilNode = reader.Required(item, node, key, "until", "until: \"2027-01-04T08:00\" (when promotions are let through again)");
            var until = Time(reader, untilNode, $"{key}.until");
            if (ZonedTime.Instant(until, zone) <= ZonedTime.Instant(from, zone))
            {
                throw reader.Error(untilNode, $"{key}.until", $"{key}.until \"{reader.Text(untilNode, key)}\" is not after from: \"{reader.Text(ConfigReader.Optional(item, "from")!, key)}\", so the window holds no time; put until: after from:");
            }

            return new DatedChangeWindow { From = from, Until = until, TimeZone = zone, Reason = reason, Location = location };
        }

        var start = Cron(reader, reader.Required(item, node, key, "start", "start: \"0 18 * * FRI\" (a cron schedule: when the window opens)"), $"{key}.start");
        var end = Cron(reader, reader.Required(item, node, key, "end", "end: \"0 6 * * MON\" (a cron schedule: when the window closes)"), $"{key}.end");
        return new RecurringChangeWindow { Start = start, End = end, TimeZone = zone, Reason = reason, Location = location };
    }

    private static TimeZoneInfo Zone(ConfigReader reader, YamlMappingNode item, string parent)
    {
        if (ConfigReader.Optional(item, "timeZone") is not { } node)
        {
            return TimeZoneInfo.Utc;
        }

        var key = $"{parent}.timeZone";
        var id = reader.Text(node, key);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            var suggestion = ConfigReader.Suggest(id, TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id));
            throw reader.Error(node, key, $"{key} \"{id}\" is not a time zone this machine knows;{suggestion} write an IANA name, e.g. timeZone: Europe/Berlin, or leave it out for UTC");
        }
    }

    private static DateTime Time(ConfigReader reader, YamlNode node, string key)
    {
        var text = reader.Text(node, key);
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        var offset = text.EndsWith('Z') || (text.Length > 10 && text.LastIndexOfAny(['+', '-']) > 10);
        throw reader.Error(node, key, offset
            ? $"{key} \"{text}\" carries a UTC offset; write the wall-clock time without it, e.g. \"2026-12-20T00:00\", and name the zone with timeZone: (UTC by default)"
            : $"{key} \"{text}\" is not a date or a date and time; write e.g. \"2026-12-20T00:00\" or 2026-12-20 (wall-clock time in timeZone:)");
    }

    private static CronSchedule Cron(ConfigReader reader, YamlNode node, string key)
    {
        var text = reader.Text(node, key);
        return CronSchedule.TryParse(text, out var problem) ?? throw reader.Error(node, key, $"{key} \"{text}\" {problem}");
    }
}
