using Cake.Core;

namespace Cake.Release.Tasks;

/// <summary>
/// The release targets' arguments: <c>--service=blue</c> on the command line, else the environment variable of the
/// same name in upper case with a <c>RELEASE_</c> prefix (<c>RELEASE_SERVICE</c>), which CI systems set more easily.
/// </summary>
internal static class ReleaseArguments
{
    public static string? Value(ICakeContext context, string name) =>
        context.Arguments.HasArgument(name) ? context.Arguments.GetArguments(name).LastOrDefault()
        : context.Environment.GetEnvironmentVariable(EnvironmentName(name)) is { Length: > 0 } value ? value : null;

    public static string Required(ICakeContext context, string name, string example) =>
        Value(context, name) ?? throw new ReleaseException($"--{name} is required: pass --{name}={example} (or set {EnvironmentName(name)}).");

    /// <summary>
    /// Every value of a repeatable argument: <c>--approver=a --approver=b</c>, or a comma-separated list, on the command
    /// line as in the variable, so <c>--approver=alice,bob</c> is two approvers as <c>RELEASE_APPROVER=alice,bob</c> is.
    /// </summary>
    public static IReadOnlyList<string> Values(ICakeContext context, string name) =>
        (context.Arguments.HasArgument(name) ? context.Arguments.GetArguments(name) : [context.Environment.GetEnvironmentVariable(EnvironmentName(name)) ?? ""])
            .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();

    private static string EnvironmentName(string name) => "RELEASE_" + name.ToUpperInvariant().Replace('-', '_');
}
