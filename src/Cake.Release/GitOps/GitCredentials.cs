using System.Text.RegularExpressions;

namespace Cake.Release.GitOps;

/// <summary>Keeps credentials that users embed in remote URLs (https://user:token@host/…) out of logs and errors.</summary>
internal static partial class GitCredentials
{
    public static string Mask(string text) => UserInfo().Replace(text, "$1***@");

    [GeneratedRegex(@"(\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\s]+@")]
    private static partial Regex UserInfo();
}
