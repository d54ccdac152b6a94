namespace Cake.Release.Tests.Infrastructure;

/// <summary>
/// The seed's shop as a monorepo on a bare origin: services blue, green, yellow and red under projects/, and a
/// library libs/payments that blue and green depend on. Every service has a Dockerfile <c>FROM scratch</c> (nothing
/// to pull), an app file the image copies, and a <c>dist/</c> folder the oci-layer builder packs.
/// </summary>
public static class ShopMonorepo
{
    public static readonly string[] Services = ["blue", "green", "yellow", "red"];

    /// <summary>The services that depend on libs/payments.</summary>
    public static readonly string[] PaymentUsers = ["blue", "green"];

    public static GitRemote Create(string registry = "registry.example.com/acme", string builder = "buildah")
    {
        var files = new Dictionary<string, string>
        {
            ["release.yaml"] = ReleaseYaml(registry, builder),
            ["libs/payments/payments.txt"] = "payments v1\n",
            ["docs/README.md"] = "shop docs\n",
            [".gitignore"] = "# What the pipeline writes: changed.json, builds.json\nartifacts/\n",
        };
        foreach (var service in Services)
        {
            files[$"projects/{service}/Dockerfile"] = "FROM scratch\nCOPY app.txt /app.txt\n";
            files[$"projects/{service}/app.txt"] = $"{service} v1\n";
            files[$"projects/{service}/dist/{service}.txt"] = $"{service} build output v1\n";
        }

        return new GitRemote(files);
    }

    /// <summary>Writes (or, with null text, deletes) files in a clone, commits them and pushes main; returns the commit.</summary>
    public static string Commit(string clone, string message, IReadOnlyDictionary<string, string?> files)
    {
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(clone, path);
            if (text is null)
            {
                GitRemote.Git(clone, "rm", "--quiet", path);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            GitRemote.Git(clone, "add", path);
        }

        GitRemote.Git(clone, "commit", "--quiet", "-m", message);
        GitRemote.Git(clone, "push", "--quiet", "origin", "HEAD:refs/heads/main");
        return GitRemote.Git(clone, "rev-parse", "HEAD").Trim();
    }

    private static string ReleaseYaml(string registry, string builder) => $"""
        version: 1
        registry: {registry}
        build:
          builder: {builder}
        environments:
          dev:
            branch: gitops/dev-auto-update
            auto: true
            imageTag: dev
          staging:
            branch: gitops/staging-releases
            from: dev
            imageTag: stg
            preRelease: rc
          production:
            branch: gitops/production-releases
            from: staging
            imageTag: prd
            approvals: 2
        services:
          blue:
            path: projects/blue
            dependsOn: [libs/payments]
          green:
            path: projects/green
            dependsOn: [libs/payments]
          yellow:
            path: projects/yellow
          red:
            path: projects/red
            dependsOn: [yellow]
        """ + "\n";
}
