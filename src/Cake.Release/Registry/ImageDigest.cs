using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Cake.Release.Registry;

/// <summary>Content digests: the sha256 of the exact bytes, which is why a retag must never re-serialise a manifest.</summary>
public static partial class ImageDigest
{
    /// <summary>The digest of <paramref name="content"/>: <c>sha256:</c> and 64 lowercase hex digits.</summary>
    public static string Of(ReadOnlySpan<byte> content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>True for <c>sha256:</c> followed by 64 lowercase hex digits, the only algorithm this tool writes.</summary>
    public static bool IsValid(string digest) => Sha256Pattern().IsMatch(digest);

    /// <summary>The hex part, which names the blob file in an OCI layout.</summary>
    internal static string Hex(string digest) => digest["sha256:".Length..];

    /// <summary>The first 12 hex digits, enough to tell digests apart in a log line.</summary>
    internal static string Short(string digest) => IsValid(digest) ? digest[..19] : digest;

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex Sha256Pattern();
}
