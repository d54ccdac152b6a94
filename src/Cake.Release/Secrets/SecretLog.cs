using Cake.Core.Diagnostics;

namespace Cake.Release.Secrets;

/// <summary>How code that reads a secret the log cannot know in advance (a webhook URL from any variable) tells it.</summary>
internal static class SecretLog
{
    /// <summary>Masks <paramref name="secret"/> in everything <paramref name="log"/> writes from now on; a log of
    /// Cake's own (a build.cake script) cannot be taught, and is left as it is.</summary>
    public static void KeepSecret(this ICakeLog log, string secret)
    {
        if (log is RedactingLog redacting)
        {
            redacting.Redactor.Learn(secret);
        }
    }

    /// <summary>
    /// <paramref name="text"/> with every secret <paramref name="log"/> knows masked, for text that leaves the run by
    /// another way than the log (a pull request's description); unchanged under a log of Cake's own.
    /// </summary>
    public static string Redact(this ICakeLog log, string text) => log is RedactingLog redacting ? redacting.Redactor.Redact(text) : text;
}
