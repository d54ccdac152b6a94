using System.Text.Json;
using Cake.Release.Registry;

namespace Cake.Release.Building;

/// <summary>
/// The registry credential handed to a builder CLI as a file, never as an argument: a command line is visible to
/// every user of the machine (ps) and lands in logs. The file is a docker-style <c>config.json</c> in a fresh
/// folder readable by the owner only (0700/0600), and both are deleted when the build is done.
/// </summary>
internal sealed class RegistryAuthFile : IDisposable
{
    private readonly string _folder;

    private RegistryAuthFile(string folder)
    {
        _folder = folder;
        Path = System.IO.Path.Combine(folder, "config.json");
    }

    /// <summary>The file: for <c>--authfile</c> (buildah, podman).</summary>
    public string Path { get; }

    /// <summary>Its folder: for <c>DOCKER_CONFIG</c> (docker has no <c>--authfile</c>).</summary>
    public string Folder => _folder;

    /// <summary>A file holding the credential found for the target's registry, or null when access is anonymous.</summary>
    public static RegistryAuthFile? For(ImageReference target, Func<string, string?> environment)
    {
        if (target.IsOciLayout || RegistryCredentials.Find(target.Registry, environment) is not { } credential)
        {
            return null;
        }

        // CreateTempSubdirectory makes the folder 0700 on Unix; the file is created 0600 before a byte is written.
        var file = new RegistryAuthFile(Directory.CreateTempSubdirectory("cake-release-auth-").FullName);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(file.Path, options);
            using var json = new Utf8JsonWriter(stream);
            json.WriteStartObject();
            json.WriteStartObject("auths");
            json.WriteStartObject(target.Registry);
            json.WriteString("auth", credential.BasicParameter);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
