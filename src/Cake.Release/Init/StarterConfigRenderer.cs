using System.Text;
using System.Text.RegularExpressions;
using Cake.Release.Config;

namespace Cake.Release.Init;

/// <summary>
/// Writes a <see cref="StarterConfig"/> as release.yaml text that explains itself: every section carries the comment
/// a first-time reader needs, and the optional keys it leaves out are shown commented, with their meaning.
/// </summary>
public static partial class StarterConfigRenderer
{
    private const int CommentColumn = 42;

    /// <summary>The release.yaml text, with '\n' line ends and a final newline.</summary>
    /// <param name="config">The starter configuration.</param>
    public static string Render(StarterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var yaml = new Lines();
        Header(yaml, config);
        yaml.Add("version: 1", "the format of this file (required)");
        yaml.Blank();
        Registry(yaml);
        Git(yaml);
        Tags(yaml);
        Build(yaml, config);
        Render(yaml, config);
        Environments(yaml, config);
        Services(yaml, config);
        return yaml.ToString();
    }

    private static void Header(Lines yaml, StarterConfig config)
    {
        yaml.Comment("release.yaml: how Cake.Release releases the services of this repository, written by its Init target.");
        var found = new List<string>
        {
            config.Placeholder
                ? "no Dockerfile (so one placeholder service, see services: below)"
                : $"{Count(config.Services.Count, "Dockerfile folder")} ({string.Join(", ", config.Services.Select(s => s.Name))})",
            $"{Count(config.Services.Count(s => s.Chart is not null) + config.UnmatchedCharts.Count, "Helm chart")}",
            config.EnvironmentsFromOverlays
                ? $"Kustomize overlays for {string.Join(", ", config.Environments.Select(e => e.Name))}"
                : "no Kustomize overlays (so the usual dev → staging → production chain)",
        };
        yaml.Comment($"Found: {string.Join("; ", found)}.");
        yaml.Comment("Review it, commit it, then try: ./build.sh --target=DetectChanged (or --target=DeployDev --dryrun).");
        yaml.Comment("Every key but version, environments and services is optional; the values written out are the defaults.");
        yaml.Blank();
    }

    private static void Registry(Lines yaml)
    {
        yaml.Comment("Where images are pushed and promoted. \"oci:<dir>\" is an OCI image layout on disk inside the repository:");
        yaml.Comment("no registry needed, good for a first run. For a real one write <host>[:port]/<namespace>, e.g.");
        yaml.Comment("ghcr.io/acme (\"http://\" in front for a plain-HTTP registry on loopback). Credentials never go here:");
        yaml.Comment("the registry tasks read them from the environment (see the README, registry authentication).");
        yaml.Add($"registry: {ReleaseConfigLoader.DefaultRegistry}");
        yaml.Blank();
    }

    private static void Git(Lines yaml)
    {
        yaml.Comment("The GitOps side: each environment's manifest (release-manifests/<env>.yaml) lives on its own branch of");
        yaml.Comment("this repository's remote, written by the tasks one service per commit; its history is the audit trail.");
        yaml.Add("git:");
        yaml.Add("  remote: origin", "holds the gitops branches");
        yaml.Add("  mainBranch: main", "where releases are built from");
        yaml.Add("  manifestsDir: release-manifests", "<env>.yaml on each environment's branch");
        yaml.Blank();
    }

    private static void Tags(Lines yaml)
    {
        yaml.Comment("Names of the git tags, release branches and build image tags the tasks create. Placeholders:");
        yaml.Comment("{service} {version} {major} {minor} {patch} {sha} {sha7} {env} {date:yyyyMMdd}");
        yaml.Add("tags:");
        yaml.Add("  release: \"{service}/{version}\"", "git tag per service release, e.g. blue/1.4.0");
        yaml.Add("  releaseBranch: \"release/{service}-{major}.{minor}\"", "where hotfixes are cherry-picked");
        yaml.Add("  build: \"sha-{sha7}\"", "immutable image tag BuildOnce pushes");
        yaml.Blank();
    }

    private static void Build(Lines yaml, StarterConfig config)
    {
        yaml.Comment("How BuildOnce builds each changed service's image, once per commit.");
        yaml.Add("build:");
        if (config.Builder == BuilderKind.OciLayer)
        {
            yaml.Add("  builder: oci-layer", "daemonless: packs each service's dist/ folder as one layer");
            yaml.Optional("  builder: docker", "docker | buildah | podman, once the services have Dockerfiles");
        }
        else
        {
            yaml.Add("  builder: docker", "docker | buildah | podman | oci-layer (daemonless, packs dist/)");
        }

        yaml.Optional("  platform: linux/amd64", "one platform per image");
        yaml.Optional("  args: { NODE_VERSION: \"22\" }", "build arguments for every service");
        yaml.Blank();
    }

    private static void Render(Lines yaml, StarterConfig config)
    {
        if (config.Render is not { } render)
        {
            return;
        }

        yaml.Comment("Rendered mode, since the repository has Kustomize overlays: when a service goes into an environment, its");
        yaml.Comment("overlay is rendered (kubectl kustomize) as of the release's source commit, with its image pinned by digest,");
        yaml.Comment("and the plain manifests, one file per resource, are committed to rendered/<env>/<service>/ on the");
        yaml.Comment("environment's branch, in the same commit as release-manifests/<env>.yaml. The cluster applies that folder:");
        yaml.Comment("deploy/argocd (an Argo CD ApplicationSet per environment) and deploy/flux (a Flux GitRepository and Kustomization");
        yaml.Comment("per environment), which Init writes beside this file, point there. render: false in an environment edits its");
        yaml.Comment("overlay in place instead.");
        yaml.Add("render:");
        if (render.Shared)
        {
            yaml.Add($"  kustomize: {Scalar(render.Kustomize)}", "one overlay every service shares, so:");
            yaml.Add($"  selector: {Scalar(render.Selector!)}", "picks each service's resources out of it");
            yaml.Comment("  The label must be on each resource of a service (Deployment, Service, ConfigMap, ...), e.g. app: blue in");
            yaml.Comment("  the base files: a resource without it is rendered for no service, so it never reaches the cluster.");
        }
        else
        {
            yaml.Add($"  kustomize: {Scalar(render.Kustomize)}", "each service's own overlay, per environment");
            if (render.Missing.Count > 0)
            {
                yaml.Comment($"  Not in the repository yet, so those services cannot go into those environments: {string.Join(", ", render.Missing)}.");
            }
        }

        yaml.Optional("  path: rendered/{env}/{service}", "the folder on each environment's branch (the default)");
        yaml.Blank();
    }

    private static void Environments(Lines yaml, StarterConfig config)
    {
        yaml.Comment("The environments, and the promotion chain their from: keys form. DeployDev writes the auto environment on");
        yaml.Comment("every push to the main branch; Promote<Env> (PromoteStaging, PromoteProduction, ...) moves the very image");
        yaml.Comment("that runs in from: into the next one, by digest, never rebuilding it.");
        yaml.Add("environments:");
        foreach (var environment in config.Environments)
        {
            yaml.Add($"  {Scalar(environment.Name)}:");
            yaml.Add($"    branch: {Scalar(environment.Branch)}", config.Render is null ? "the GitOps branch of its manifest" : "the GitOps branch: its manifest and rendered/");
            if (environment.Auto)
            {
                yaml.Add("    auto: true", "DeployDev records every changed service here");
            }
            else
            {
                yaml.Add($"    from: {Scalar(environment.From!)}", $"Promote{Pascal(environment.Name)} takes what {environment.From} runs");
            }

            yaml.Add($"    imageTag: {Scalar(ImageTag(environment.Name))}", "a moving image tag that follows what runs here");
            if (!environment.Auto && !environment.Gated)
            {
                yaml.Optional("    preRelease: rc", "versions promoted here become X.Y.Z-rc.N");
            }

            if (environment.Gated)
            {
                yaml.Add("    approvals: 2", "distinct --approver names, none of them the promoter");
                yaml.Add("    soak: 24h", $"the version must have run in {environment.From} this long first");
                yaml.Optional("    milestoneTag: \"release-{env}-{date:yyyyMMdd}\"", "one git tag per promotion day");
                yaml.Optional("    notify:", "webhooks told of each promotion; URLs from variables");
                yaml.Add("    #   - slack: ${SLACK_WEBHOOK_URL}");
            }

            if (config.Render is not null)
            {
                // The overlays are what render: reads; editing them on the branch too would change nothing that runs.
                continue;
            }

            if (environment.Overlays.Count > 0)
            {
                yaml.Add("    updates:", "more files written on the same branch with each promotion");
                foreach (var overlay in environment.Overlays)
                {
                    yaml.Add($"      - kustomize: {Scalar(overlay)}", "images[] newTag (and digest) per service");
                }
            }
            else
            {
                yaml.Optional("    updates:", "more files written on the same branch with each promotion");
                yaml.Add($"    #   - kustomize: k8s/overlays/{environment.Name}", "images[] newTag (and digest) per service");
                yaml.Add($"    #   - file: helm/values-{environment.Name}.yaml", "or one key of a YAML file, e.g. Helm values");
                yaml.Add("    #     path: \"{service}.image.tag\"");
            }
        }

        yaml.Blank();
    }

    private static void Services(Lines yaml, StarterConfig config)
    {
        yaml.Comment("The services, each released on its own. A change under path: (or under a dependsOn: folder, or to a");
        yaml.Comment("service it depends on) marks it changed; its image is pushed as <registry>/<image>.");
        if (config.Placeholder)
        {
            // Why a placeholder rather than an empty section: see InitAliases.
            yaml.Comment("Init found no Dockerfile, so this one service stands for the whole repository and oci-layer packs its");
            yaml.Comment("dist/ folder. Replace it with one entry per service folder (path: projects/blue, ...).");
        }

        yaml.Add("services:");
        foreach (var service in config.Services)
        {
            yaml.Add($"  {Scalar(service.Name)}:");
            yaml.Add($"    path: {Scalar(service.Path)}", "its folder, relative to this file");
            if (service.Name != service.Path.Split('/')[^1] && service.Path != ".")
            {
                yaml.Optional($"    image: {service.Name}", "the image repository; default: the service name");
            }

            if (service.Dockerfile is { } dockerfile)
            {
                yaml.Add($"    dockerfile: {Scalar(dockerfile)}", "relative to path (default Dockerfile)");
            }

            foreach (var other in service.OtherDockerfiles)
            {
                yaml.Comment($"    {other} is in the same folder too; point dockerfile: at it, or give it a service of its own.");
            }

            if (service.Chart is { } chart)
            {
                yaml.Add($"    chart: {Scalar(chart)}", "ReleaseChart bumps its version and appVersion");
            }

            if (service == config.Services[0])
            {
                yaml.Optional("    dependsOn: [libs/shared]", "more folders, or services, whose changes mark it changed");
            }
        }

        if (config.UnmatchedCharts.Count > 0)
        {
            yaml.Comment($"Charts no service was matched to by name (add chart: <folder> to the service it deploys): {string.Join(", ", config.UnmatchedCharts)}");
        }
    }

    private static string ImageTag(string environment) => environment switch
    {
        "staging" => "stg",
        "production" => "prd",
        _ => environment,
    };

    private static string Pascal(string name) =>
        string.Concat(name.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    // A plain scalar when YAML reads it back as the same string, else double-quoted.
    internal static string Scalar(string value) =>
        PlainSafe().IsMatch(value) && !Reserved().IsMatch(value)
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_./-]*$")]
    private static partial Regex PlainSafe();

    // Words and numbers a YAML reader may take for something other than a string.
    [GeneratedRegex(@"^(?:[-+]?[0-9][0-9_.eE+-]*|0[xXoObB][0-9a-fA-F_]+|(?i:true|false|yes|no|on|off|y|n|null|~|\.inf|\.nan))$")]
    private static partial Regex Reserved();

    private sealed class Lines
    {
        private readonly StringBuilder _text = new();

        public void Add(string line, string? comment = null) =>
            _text.Append(comment is null ? line : $"{line.PadRight(CommentColumn - 1)} # {comment}").Append('\n');

        // Indented like the key it explains, so a commented key lines up with the live ones around it.
        public void Comment(string text)
        {
            var indent = text.Length - text.TrimStart(' ').Length;
            _text.Append(text[..indent]).Append("# ").Append(text[indent..]).Append('\n');
        }

        /// <summary>An optional key shown commented out, with what it means.</summary>
        public void Optional(string line, string? comment = null)
        {
            var indent = line.Length - line.TrimStart(' ').Length;
            Add(line[..indent] + "# " + line[indent..], comment);
        }

        public void Blank() => _text.Append('\n');

        public override string ToString() => _text.ToString();
    }
}
