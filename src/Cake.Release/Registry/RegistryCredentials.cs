using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Cake.Release.Registry;

/// <summary>
/// Finds the credential for a registry the way docker and crane do: <c>REGISTRY_USERNAME</c>/<c>REGISTRY_PASSWORD</c>
/// first (CI), else the docker config (<c>$DOCKER_CONFIG/config.json</c> or <c>~/.docker/config.json</c>):
/// its <c>credHelpers</c> entry for the host, its <c>credsStore</c>, then its <c>auths</c> entry.
/// </summary>
internal static class RegistryCredentials
{
    public const string UsernameVariable = "REGISTRY_USERNAME";
    public const string PasswordVariable = "REGISTRY_PASSWORD";

    /// <summary>The credential for <paramref name="registry"/> (as in an image reference), or null for anonymous access.</summary>
    public static RegistryCredential? Find(string registry, Func<string, string?> environment)
    {
        var username = environment(UsernameVariable);
        var password = environment(PasswordVariable);
        if (!string.IsNullOrEmpty(username) && !string.IsNullOrEmpty(password))
        {
            return new RegistryCredential(username, password, $"{UsernameVariable}/{PasswordVariable}");
        }

        var file = ConfigFile(environment);
        if (file is null || !File.Exists(file))
        {
            return null;
        }

        JsonDocument config;
        try
        {
            config = JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            throw new ReleaseException($"{file}: not valid JSON ({e.Message.Split('\n')[0]}); fix it or point DOCKER_CONFIG at another folder.");
        }

        using (config)
        {
            var root = config.RootElement;
            if (Property(root, "credHelpers") is { ValueKind: JsonValueKind.Object } helpers)
            {
                foreach (var entry in helpers.EnumerateObject())
                {
                    if (SameRegistry(entry.Name, registry) && entry.Value.GetString() is { Length: > 0 } helper)
                    {
                        return FromHelper(helper, registry, file, environment);
                    }
                }
            }

            if (Property(root, "credsStore")?.GetString() is { Length: > 0 } store && FromHelper(store, registry, file, environment) is { } stored)
            {
                return stored;
            }

            if (Property(root, "auths") is { ValueKind: JsonValueKind.Object } auths)
            {
                foreach (var entry in auths.EnumerateObject())
                {
                    if (SameRegistry(entry.Name, registry) && FromAuthEntry(entry.Value, file) is { } found)
                    {
                        return found;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Every secret the environment and the docker config hold (passwords, their Basic-auth form, identity and
    /// registry tokens), whichever registry they are for: what a run must never print.
    /// </summary>
    public static IEnumerable<string> Secrets(Func<string, string?> environment)
    {
        if (environment(PasswordVariable) is { Length: > 0 } password)
        {
            yield return password;
            yield return new RegistryCredential(environment(UsernameVariable) ?? "", password, PasswordVariable).BasicParameter;
        }

        // Read at every start, before the first log line: without a file, not even the JSON reader is loaded.
        if (ConfigFile(environment) is not { } file || !File.Exists(file))
        {
            yield break;
        }

        JsonDocument config;
        try
        {
            config = JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException)
        {
            // Find names the broken file when a registry needs it; there is nothing to learn from it here.
            yield break;
        }

        using (config)
        {
            if (Property(config.RootElement, "auths") is not { ValueKind: JsonValueKind.Object } auths)
            {
                yield break;
            }

            foreach (var entry in auths.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.Object))
            {
                foreach (var key in new[] { "auth", "password", "identitytoken", "registrytoken" })
                {
                    if (Property(entry.Value, key) is { ValueKind: JsonValueKind.String } field && field.GetString() is { Length: > 0 } value)
                    {
                        yield return value;

                        // auth is base64 of user:password; the password alone shows up too, in a URL or an error.
                        if (key == "auth" && Decoded(value) is { } decoded && decoded.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
                        {
                            yield return decoded[(colon + 1)..];
                        }
                    }
                }
            }
        }
    }

    private static string? Decoded(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? ConfigFile(Func<string, string?> environment)
    {
        if (environment("DOCKER_CONFIG") is { Length: > 0 } folder)
        {
            return Path.Combine(folder, "config.json");
        }

        var home = environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".docker", "config.json");
    }

    private static RegistryCredential? FromAuthEntry(JsonElement entry, string file)
    {
        if (Property(entry, "auth")?.GetString() is { Length: > 0 } encoded)
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            catch (FormatException)
            {
                throw new ReleaseException($"{file}: an 'auth' value is not base64 of user:password; run docker login again.");
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new ReleaseException($"{file}: an 'auth' value is not base64 of user:password; run docker login again.");
            }

            return new RegistryCredential(decoded[..colon], decoded[(colon + 1)..], file);
        }

        return Property(entry, "username")?.GetString() is { Length: > 0 } user && Property(entry, "password")?.GetString() is { Length: > 0 } secret
            ? new RegistryCredential(user, secret, file)
            : null;
    }

    // The credential-helper protocol: `docker-credential-<name> get`, the server URL on stdin, JSON on stdout;
    // a non-zero exit means "no credential for this server".
    private static RegistryCredential? FromHelper(string name, string registry, string file, Func<string, string?> environment)
    {
        var program = $"docker-credential-{name}";
        var info = new ProcessStartInfo(OnPath(program, environment("PATH")) ?? program, "get")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            throw new ReleaseException($"{file} names the credential helper '{name}', but {program} is not on PATH; install it or remove it from {file}.");
        }

        using (process)
        {
            process.StandardInput.Write(registry == ImageReference.DockerHub ? "https://index.docker.io/v1/" : registry);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                throw new ReleaseException($"{program} get did not answer within 30 s for {registry}; check the helper named in {file}.");
            }

            if (process.ExitCode != 0)
            {
                return null;
            }

            try
            {
                using var answer = JsonDocument.Parse(output.Result);
                var user = Property(answer.RootElement, "Username")?.GetString();
                var secret = Property(answer.RootElement, "Secret")?.GetString();
                return string.IsNullOrEmpty(user) || string.IsNullOrEmpty(secret) ? null : new RegistryCredential(user, secret, program);
            }
            catch (JsonException)
            {
                // The output may hold the secret: never quote it.
                throw new ReleaseException($"{program} get answered something other than JSON for {registry}; check the helper named in {file}.");
            }
        }
    }

    // The helper is looked up on the PATH the caller sees (Cake's environment), not only the process's own.
    private static string? OnPath(string program, string? path) =>
        path?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    // Config keys are written as "host", "https://host" or "https://index.docker.io/v1/".
    private static bool SameRegistry(string key, string registry)
    {
        var host = key;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        var slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            host = host[..slash];
        }

        if (host is "index.docker.io" or "registry-1.docker.io")
        {
            host = ImageReference.DockerHub;
        }

        return host.Equals(registry, StringComparison.OrdinalIgnoreCase);
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;
}
