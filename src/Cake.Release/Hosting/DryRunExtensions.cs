using Cake.Core;

namespace Cake.Release.Hosting;

/// <summary>The dry-run flag, readable from any <see cref="ICakeContext"/> so that aliases honour it too.</summary>
public static class DryRunExtensions
{
    /// <summary>The argument the host sets for <c>--dryrun</c>, <c>--noop</c> and <c>--whatif</c>.</summary>
    public const string ArgumentName = "dryrun";

    /// <summary>True when the run must change nothing and only say what it would do.</summary>
    public static bool IsDryRun(this ICakeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Arguments.HasArgument(ArgumentName))
        {
            return false;
        }

        var value = context.Arguments.GetArguments(ArgumentName).LastOrDefault();
        return !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);
    }
}
