using System.Globalization;

namespace Cake.Release.Config;

/// <summary>
/// A five-field cron schedule (<c>minute hour day-of-month month day-of-week</c>), matched against wall-clock time in a
/// time zone, the way GitLab's deploy freezes read <c>freeze_start</c>/<c>freeze_end</c>. Each field takes <c>*</c>, a
/// number, a range <c>a-b</c>, a step <c>*/s</c>, <c>a-b/s</c> or <c>a/s</c>, and comma lists of these; months and days
/// of the week also take names (JAN..DEC, SUN..SAT; 0 and 7 are both Sunday). As in Vixie cron, when both day fields
/// are restricted a day matching either one matches. Anything else (<c>?</c>, <c>L</c>, <c>W</c>, <c>#</c>,
/// <c>@weekly</c>, a sixth field, a range that runs backwards) is refused by <see cref="TryParse"/>.
/// </summary>
public sealed class CronSchedule
{
    // How far a search looks: a schedule that matches at all matches within any 8 years (Feb 29 skips at most one
    // leap year a century), so this bounds the work without losing a match the parser let through.
    private const int HorizonDays = 8 * 366;

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private static readonly int[] DaysInMonth = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _days;
    private readonly bool[] _months;
    private readonly bool[] _weekdays;
    private readonly bool _anyDay;
    private readonly bool _anyWeekday;

    private CronSchedule(string text, bool[][] fields, bool anyDay, bool anyWeekday)
    {
        Text = text;
        (_minutes, _hours, _days, _months, _weekdays) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
        (_anyDay, _anyWeekday) = (anyDay, anyWeekday);
    }

    /// <summary>The schedule as written.</summary>
    public string Text { get; }

    /// <summary>The schedule as written.</summary>
    public override string ToString() => Text;

    /// <summary>Parses <paramref name="text"/>; on failure returns null and says why, with the fix, in <paramref name="problem"/>.</summary>
    public static CronSchedule? TryParse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        problem = parts switch
        {
            [{ } macro, ..] when macro.StartsWith('@') => $"is a macro, which is not supported; write the five fields, e.g. \"0 0 * * MON\" for {macro}",
            { Length: 6 } => "has six fields; seconds and years are not supported: write five, minute hour day-of-month month day-of-week, e.g. \"0 18 * * FRI\"",
            { Length: not 5 } => $"has {parts.Length} field(s); write five, minute hour day-of-month month day-of-week, e.g. \"0 18 * * FRI\"",
            _ => null,
        };
        if (problem is not null)
        {
            return null;
        }

        var fields = new bool[5][];
        (string Name, int Min, int Max, string[]? Names)[] shapes =
        [
            ("minute", 0, 59, null), ("hour", 0, 23, null), ("day-of-month", 1, 31, null), ("month", 1, 12, MonthNames), ("day-of-week", 0, 7, DayNames),
        ];
        for (var i = 0; i < 5; i++)
        {
            fields[i] = Field(parts[i], shapes[i].Name, shapes[i].Min, shapes[i].Max, shapes[i].Names, out problem)!;
            if (problem is not null)
            {
                return null;
            }
        }

        // Sunday is 0 and 7; one slot holds it.
        fields[4][0] |= fields[4][7];
        var anyDay = parts[2].StartsWith('*');
        var anyWeekday = parts[4].StartsWith('*');
        if (!anyDay && anyWeekday && !Enumerable.Range(1, 12).Any(m => fields[3][m] && Enumerable.Range(1, DaysInMonth[m]).Any(d => fields[2][d])))
        {
            problem = $"never matches: no month it names has the day-of-month \"{parts[2]}\"; check the day and the month";
            return null;
        }

        return new CronSchedule(string.Join(' ', parts), fields, anyDay, anyWeekday);
    }

    /// <summary>Whether the schedule fires at the minute of the wall-clock time <paramref name="local"/>.</summary>
    public bool Matches(DateTime local) => DayMatches(local.Date) && _hours[local.Hour] && _minutes[local.Minute];

    /// <summary>The latest instant at or before <paramref name="instant"/> at which the schedule fires in <paramref name="zone"/>, or null when it has not fired for years.</summary>
    public DateTimeOffset? LatestAtOrBefore(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        // Wall-clock order is instant order (ZonedTime maps a repeated hour to its first pass), so walking wall-clock
        // minutes down from a day past the instant's own finds the latest. The extra day covers the repeated hour of a
        // change back from summer time, whose second pass has a wall clock earlier than matches already behind it.
        var start = TimeZoneInfo.ConvertTime(instant, zone).Date.AddDays(1);
        for (var day = 0; day <= HorizonDays; day++)
        {
            var date = start.AddDays(-day);
            if (!DayMatches(date))
            {
                continue;
            }

            for (var hour = 23; hour >= 0; hour--)
            {
                for (var minute = 59; minute >= 0 && _hours[hour]; minute--)
                {
                    if (_minutes[minute] && ZonedTime.Instant(date.AddHours(hour).AddMinutes(minute), zone) is var at && at <= instant)
                    {
                        return at;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The first instant after <paramref name="instant"/> at which the schedule fires in <paramref name="zone"/>, or null when it does not for years.</summary>
    public DateTimeOffset? FirstAfter(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = TimeZoneInfo.ConvertTime(instant, zone).Date.AddDays(-1);
        for (var day = 0; day <= HorizonDays; day++)
        {
            var date = start.AddDays(day);
            if (!DayMatches(date))
            {
                continue;
            }

            for (var hour = 0; hour < 24; hour++)
            {
                for (var minute = 0; minute < 60 && _hours[hour]; minute++)
                {
                    if (_minutes[minute] && ZonedTime.Instant(date.AddHours(hour).AddMinutes(minute), zone) is var at && at > instant)
                    {
                        return at;
                    }
                }
            }
        }

        return null;
    }

    private bool DayMatches(DateTime date)
    {
        if (!_months[date.Month])
        {
            return false;
        }

        // Vixie cron: a day field that starts with * (*, */2) leaves the day to both fields together; only two
        // restricted fields widen to either one.
        var (day, weekday) = (_days[date.Day], _weekdays[(int)date.DayOfWeek]);
        return _anyDay || _anyWeekday ? day && weekday : day || weekday;
    }

    private static bool[]? Field(string text, string name, int min, int max, string[]? names, out string? problem)
    {
        var set = new bool[max + 1];
        foreach (var item in text.Split(','))
        {
            if (Item(item, name, min, max, names, set) is { } itemProblem)
            {
                problem = $"is not a cron schedule: {itemProblem}";
                return null;
            }
        }

        problem = null;
        return set;
    }

    private static string? Item(string item, string name, int min, int max, string[]? names, bool[] set)
    {
        if (item.Length == 0)
        {
            return $"the {name} field has an empty list item; separate values with single commas, e.g. 1,15";
        }

        if (item.IndexOfAny(['?', 'L', 'W', '#']) >= 0 && (names is null || !names.Any(n => item.Contains(n, StringComparison.OrdinalIgnoreCase))))
        {
            return $"the {name} field \"{item}\" uses ?, L, W or #, which are not supported; write numbers, names, ranges (a-b), steps (*/s) and lists (a,b)";
        }

        var (range, stepText) = item.Split('/') switch
        {
            [var r] => (r, null),
            [var r, var s] => (r, s),
            _ => (item, "?"),
        };
        var step = 1;
        if (stepText is not null && (!int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out step) || step == 0))
        {
            return $"the {name} field \"{item}\" has the step \"{stepText}\"; a step is a whole number of 1 or more, e.g. */15";
        }

        int low, high;
        if (range == "*")
        {
            (low, high) = (min, max == 7 ? 6 : max);
        }
        else
        {
            var bounds = range.Split('-');
            if (bounds.Length > 2)
            {
                return $"the {name} field \"{item}\" is not a value or a range a-b";
            }

            if (Value(bounds[0], name, min, max, names, out low) is { } lowProblem)
            {
                return lowProblem;
            }

            high = stepText is null ? low : max == 7 ? 6 : max;
            if (bounds.Length == 2 && Value(bounds[1], name, min, max, names, out high) is { } highProblem)
            {
                return highProblem;
            }

            if (high < low && !(max == 7 && high == 0))
            {
                // The fix in the user's own notation: numbers stay numbers, names stay names.
                var top = max == 7 ? 6 : max;
                var bottom = max == 7 ? 0 : min;
                var numeric = char.IsAsciiDigit(bounds[0][0]);
                var first = $"{bounds[0]}-{(numeric ? top.ToString(CultureInfo.InvariantCulture) : names![max == 7 ? top : top - 1])}";
                var second = $"{(numeric ? bottom.ToString(CultureInfo.InvariantCulture) : names![max == 7 ? bottom : bottom - 1])}-{bounds[1]}";
                return $"the {name} range \"{range}\" runs backwards, which is not supported; write it as a list, {first},{second}";
            }

            // SUN at the end of a range (FRI-SUN, 5-0) is Sunday the 7th.
            if (max == 7 && high == 0 && low > 0)
            {
                high = 7;
            }
        }

        for (var value = low; value <= high; value += step)
        {
            set[value] = true;
        }

        return null;
    }

    private static string? Value(string text, string name, int min, int max, string[]? names, out int value)
    {
        if (names is not null && Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is var index and >= 0)
        {
            value = names == DayNames ? index : index + 1;
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return null;
        }

        var named = names is null ? "" : $" or a name {names[0]}..{names[^1]}";
        return $"the {name} \"{text}\" is not a number {min}-{max}{named}";
    }
}
