using System.Reflection;
using Cake.Core;
using Cake.Core.Diagnostics;

namespace Cake.Release.Hosting;

/// <summary>
/// How a failed run ends: one <c>Error:</c> line with the cause's first line (the whole exception only at
/// diagnostic verbosity), and the exit code of the <see cref="CakeException"/> that caused it, else 1.
/// </summary>
internal static class RunFailure
{
    public static int Report(Exception exception, ICakeLog? log)
    {
        var cause = Unwrap(exception);
        var message = $"Error: {FirstLine(cause.Message)}";
        if (log is null)
        {
            Console.Error.WriteLine(message);
        }
        else
        {
            if (log.Verbosity >= Verbosity.Diagnostic)
            {
                log.Error(cause.ToString());
            }

            log.Error(message);
        }

        return cause is CakeException { ExitCode: not 0 } cake ? cake.ExitCode : 1;
    }

    private static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    break;
                case TargetInvocationException { InnerException: { } inner }:
                    exception = inner;
                    break;
                case CakeReportException { InnerException: { } failed }:
                    // The engine wraps a task's failure to carry the run's report; the exit code is the task's.
                    exception = failed;
                    break;
                default:
                    return exception;
            }
        }
    }

    private static string FirstLine(string message) =>
        message.Split('\n', 2)[0].TrimEnd('\r');
}
