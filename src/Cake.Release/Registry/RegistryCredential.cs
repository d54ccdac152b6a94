namespace Cake.Release.Registry;

/// <summary>
/// A user name and secret for one registry, and where they came from (so an error can say which to fix).
/// <see cref="ToString"/> leaves the secret out: the object may reach a log line, the secret must not.
/// </summary>
internal sealed class RegistryCredential(string username, string secret, string source)
{
    public string Username { get; } = username;

    public string Secret { get; } = secret;

    /// <summary>Where the credential was found: "REGISTRY_USERNAME/REGISTRY_PASSWORD", a config file, a helper.</summary>
    public string Source { get; } = source;

    /// <summary>The value of a Basic <c>Authorization</c> header.</summary>
    public string BasicParameter => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Username}:{Secret}"));

    public override string ToString() => $"user '{Username}' from {Source}";
}
