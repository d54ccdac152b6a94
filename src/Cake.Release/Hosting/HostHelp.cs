using System.Reflection;
using System.Runtime.InteropServices;

namespace Cake.Release.Hosting;

/// <summary>What <c>--help</c>, <c>--version</c> and <c>--info</c> print.</summary>
internal static class HostHelp
{
    public static string Version =>
        $"{Informational(typeof(CakeHost).Assembly)} (Cake {typeof(Core.ICakeContext).Assembly.GetName().Version?.ToString(3)})";

    public static string Text => """
        Usage: build [options] [--name=value ...]

        Options:
          -t, --target <task>       Task to run; repeat for several (one dependency graph). Default: Default
          -v, --verbosity <level>   quiet, minimal, normal, verbose or diagnostic
              --dryrun              Print the plan and change nothing (also --noop, --whatif)
          -e, --exclusive           Run the target without its dependencies
              --description         List the tasks with their descriptions
              --tree                Show the target's dependency tree
          -w, --working <dir>       Directory to run in
              --version             Print the version
              --info                Print version and environment details
          -h, --help                Print this help
        Any other --name=value (or --name value) is passed to the tasks as a Cake argument.

        """;

    public static string Info() => $"""
        Cake.Release: {Informational(typeof(CakeHost).Assembly)}
        Cake.Core:    {typeof(Core.ICakeContext).Assembly.GetName().Version?.ToString(3)}
        Pipeline:     {Assembly.GetEntryAssembly()?.GetName().Name}
        Runtime:      {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier})
        OS:           {RuntimeInformation.OSDescription}
        Directory:    {Environment.CurrentDirectory}

        """;

    private static string Informational(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3) ?? "unknown";
        return $"{assembly.GetName().Name} {version.Split('+')[0]}";
    }
}
