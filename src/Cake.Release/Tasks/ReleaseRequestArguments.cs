using System.Globalization;
using Cake.Core;
using Cake.Release.Hosting;
using Cake.Release.Versioning;

namespace Cake.Release.Tasks;

/// <summary>The arguments every versioned release target reads: --service|--chart, --bump, --prerelease, --version, --config, --dryrun.</summary>
internal static class ReleaseRequestArguments
{
    public static T Read<T>(ICakeContext context, T settings)
        where T : ReleaseRequestSettings
    {
        settings.Service = ReleaseArguments.Value(context, "service");
        settings.Chart = ReleaseArguments.Value(context, "chart");
        settings.Bump = VersionRequest.ParseBump(ReleaseArguments.Value(context, "bump"));
        settings.PreRelease = ReleaseArguments.Value(context, "prerelease");
        settings.Version = ReleaseArguments.Value(context, "version");
        settings.ConfigFile = ReleaseArguments.Value(context, "config") ?? "release.yaml";
        return settings;
    }

    /// <summary>--date=YYYY-MM-DD for the changelog heading; null (today) when absent.</summary>
    public static DateOnly? Date(ICakeContext context) =>
        ReleaseArguments.Value(context, "date") is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new ReleaseException($"--date={text} is not a date; pass --date=YYYY-MM-DD, e.g. --date=2025-01-20.");
}
