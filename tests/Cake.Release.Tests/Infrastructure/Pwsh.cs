namespace Cake.Release.Tests.Infrastructure;

/// <summary>
/// PowerShell 7 as the repository's tool manifest (.config/dotnet-tools.json) pins it, run as
/// <c>dotnet tool run pwsh -NoProfile -File &lt;build.ps1&gt; …</c>: the way a machine without a system pwsh runs build.ps1
/// (<c>dotnet tool restore</c>, which CI and the TestTools target run, installs it).
/// </summary>
public static class Pwsh
{
    public static ProcessResult File(string script, IEnumerable<string> args, IDictionary<string, string>? environment = null) =>
        ProcessRun.Start(RepositoryPaths.Dotnet, ["tool", "run", "pwsh", "-NoProfile", "-NonInteractive", "-File", script, .. args],
            // The manifest is found from the working directory up; the script moves to its own folder itself.
            RepositoryPaths.Root,
            new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
            {
                ["POWERSHELL_TELEMETRY_OPTOUT"] = "1",
                ["POWERSHELL_UPDATECHECK"] = "Off",
            },
            timeout: TimeSpan.FromMinutes(10));
}
