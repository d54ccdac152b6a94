using Cake.Core.Diagnostics;

namespace Cake.Release.Secrets;

/// <summary>
/// The log the host gives Cake and every task: each message passes the run's <see cref="SecretRedactor"/> before
/// it is written, Cake's own ones included (the command lines and the redirected output its process runner logs
/// at diagnostic verbosity, and the errors that end a run).
/// </summary>
internal sealed class RedactingLog(ICakeLog inner, SecretRedactor redactor) : ICakeLog
{
    public SecretRedactor Redactor { get; } = redactor;

    public Verbosity Verbosity
    {
        get => inner.Verbosity;
        set => inner.Verbosity = value;
    }

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args)
    {
        if (verbosity > inner.Verbosity)
        {
            return;
        }

        // Arguments are redacted one by one, so the log still highlights them; numbers keep their format strings.
        var safe = args.Select(arg => arg is ValueType ? arg : Redactor.Redact(arg?.ToString() ?? "")).ToArray();
        inner.Write(verbosity, level, Redactor.Redact(format), safe);
    }
}
