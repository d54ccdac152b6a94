using System.Text;
using System.Text.RegularExpressions;

namespace Cake.Release.Secrets;

/// <summary>
/// Knows the secrets of one run and masks them in any text on its way to a log or an error: the user info of every
/// URL (<c>https://user:token@host/…</c>), and every value it has been told or found to be secret. A secret seen
/// in a URL is remembered, with its Basic-auth form, so it is masked wherever else it shows up.
/// </summary>
internal sealed partial class SecretRedactor
{
    public const string Mask = "***";

    // Shorter values would mask ordinary words and numbers in the output; no real credential is this short.
    private const int MinimumLength = 6;

    // Forge tokens are 20 characters and more (GitHub's ghp_…/ghs_… 40, GitLab's glpat-… 26).
    private const int TokenLength = 20;

    // Variable names (split at '_') that CI systems and tools use for credentials: GITHUB_TOKEN, CI_JOB_TOKEN,
    // SYSTEM_ACCESSTOKEN, REGISTRY_PASSWORD, SLACK_WEBHOOK_URL, NUGET_API_KEY, AWS_SECRET_ACCESS_KEY.
    private static readonly string[] SecretWords = ["TOKEN", "PASSWORD", "PASSWD", "SECRET", "HOOK", "APIKEY", "CREDENTIAL"];

    private readonly Lock _gate = new();
    private string[] _secrets = [];

    /// <summary>A redactor that knows the values of the credential variables of <paramref name="variables"/>.</summary>
    public static SecretRedactor FromEnvironment(IReadOnlyDictionary<string, string> variables)
    {
        var redactor = new SecretRedactor();
        foreach (var (name, value) in variables)
        {
            if (IsSecretName(name))
            {
                redactor.Learn(value);
            }
        }

        return redactor;
    }

    public static bool IsSecretName(string name)
    {
        var words = name.ToUpperInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries);
        return words.Any(word => SecretWords.Any(secret => word.Contains(secret, StringComparison.Ordinal)))
            || name.Contains("API_KEY", StringComparison.OrdinalIgnoreCase);
    }

    public void Learn(string? secret)
    {
        if (secret is null || secret.Trim().Length < MinimumLength)
        {
            return;
        }

        lock (_gate)
        {
            if (!_secrets.Contains(secret, StringComparer.Ordinal))
            {
                // Longest first, so a secret that contains another is masked whole.
                _secrets = [.. _secrets.Append(secret).OrderByDescending(s => s.Length)];
            }
        }
    }

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (Match match in UserInfo().Matches(text))
        {
            LearnUserInfo(match.Groups["user"].Value);
        }

        text = MaskUserInfo(text);
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Masks the user info of every URL in <paramref name="text"/>: what needs no knowledge of the run.</summary>
    public static string MaskUserInfo(string text) => UserInfo().Replace(text, $"$1{Mask}@");

    private void LearnUserInfo(string userInfo)
    {
        var unescaped = Uri.UnescapeDataString(userInfo);
        var colon = unescaped.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            Learn(unescaped[(colon + 1)..]);
            Learn(Convert.ToBase64String(Encoding.UTF8.GetBytes(unescaped)));
        }
        else if (unescaped.Length >= TokenLength)
        {
            // A token alone (https://TOKEN@host); a short name alone (ssh://git@host) is a login, not a secret.
            Learn(unescaped);
            Learn(Convert.ToBase64String(Encoding.UTF8.GetBytes(unescaped + ":")));
        }
    }

    [GeneratedRegex(@"(\b[a-zA-Z][a-zA-Z0-9+.-]*://)(?<user>[^/@\s]+)@")]
    private static partial Regex UserInfo();
}
