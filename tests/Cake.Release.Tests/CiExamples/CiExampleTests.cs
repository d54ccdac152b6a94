using System.Text.RegularExpressions;
using Cake.Core;
using Cake.Release.Hosting;
using Cake.Release.Init;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cake.Release.Tests.CiExamples;

/// <summary>
/// The CI examples under examples/ci cannot rot: each is valid YAML, every <c>--target=X</c> in it is a target of
/// the package's host, and every <c>--name=</c> beside it is an argument that target (or a target it runs first) reads.
/// </summary>
public sealed partial class CiExampleTests : IDisposable
{
    // Host options: accepted by every target.
    private static readonly HashSet<string> HostOptions = new(StringComparer.OrdinalIgnoreCase) { "target", "verbosity", "working", "dryrun" };

    private readonly TempFolder _folder = new();

    public static TheoryData<string> Examples() => new(ExampleFiles());

    private static List<string> ExampleFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "examples", "ci"), "*.yml", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void There_is_a_workflow_for_each_flow_on_both_systems()
    {
        Assert.Equal(
            [
                "examples/ci/github/complete-pull-request.yml", "examples/ci/github/deploy-dev.yml", "examples/ci/github/hotfix.yml",
                "examples/ci/github/promote-by-pull-request.yml", "examples/ci/github/promote-production.yml", "examples/ci/github/promote-staging.yml",
                "examples/ci/gitlab/.gitlab-ci.yml",
            ],
            ExampleFiles());
        var gitlab = Commands("examples/ci/gitlab/.gitlab-ci.yml").Select(c => c.Target).ToHashSet();
        Assert.Superset(new HashSet<string> { "DetectChanged", "DeployDev", "PromoteStaging", "PromoteProduction", "Hotfix", "PromoteEnv", "Rollback" }, gitlab);
        var complete = Commands("examples/ci/github/complete-pull-request.yml").Select(c => c.Target).ToHashSet();
        Assert.Equal(new HashSet<string> { "PromoteEnv", "Rollback" }, complete);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_target_exists_and_every_argument_is_one_it_reads(string example)
    {
        var commands = Commands(example);
        Assert.NotEmpty(commands);
        var catalog = Catalog();
        foreach (var command in commands)
        {
            Assert.True(catalog.ContainsKey(command.Target), $"{example}: --target={command.Target} is not a target of the host; targets: {string.Join(", ", catalog.Keys.Order())}");
            var read = ArgumentsRead(catalog, command.Target);
            foreach (var argument in command.Arguments.Where(a => !HostOptions.Contains(a)))
            {
                Assert.True(read.Contains(argument), $"{example}: --{argument} is not read by {command.Target} (it reads {string.Join(", ", read.Order())}): {command.Line}");
            }
        }
    }

    [Fact]
    public async Task Every_target_declares_exactly_the_arguments_it_reads()
    {
        // The host refuses what no task of the run declares, so a read argument left undeclared could never be given,
        // and a declared one that is never read would be accepted and ignored.
        var catalog = Catalog();
        var runWide = TaskCatalog.ArgumentsOf(typeof(Cake.Release.Tasks.PromoteTargets));
        foreach (var definition in catalog.Values)
        {
            var recorder = new ArgumentRecorder(TestCake.Context(), [definition.Name], Path.Combine(_folder.Path, "absent", "release.yaml"));
            var task = definition.Instance ?? (IFrostingTask)Activator.CreateInstance(definition.Type)!;
            try
            {
                task.ShouldRun(recorder);
                await task.RunAsync(recorder);
            }
            catch (Exception e) when (e is ReleaseException or CakeException or IOException)
            {
                // Expected: the configuration it names is not there; every argument was read before it was loaded.
            }

            var read = recorder.Read.Where(a => !HostOptions.Contains(a)).Order(StringComparer.OrdinalIgnoreCase).ToList();
            var declared = definition.Arguments.Order(StringComparer.OrdinalIgnoreCase).ToList();
            Assert.True(read.SequenceEqual(declared, StringComparer.OrdinalIgnoreCase),
                $"{definition.Name} reads --{string.Join(", --", read)} but declares --{string.Join(", --", declared)}: add or remove its [TaskArgument]s.");
        }

        Assert.Equal(["config"], runWide);
    }

    [Fact]
    public void The_completion_runs_only_for_merged_promotion_and_rollback_pull_requests_into_an_environment_branch()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "examples/ci/github/complete-pull-request.yml"))));
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var pullRequest = (YamlMappingNode)((YamlMappingNode)root["on"])["pull_request"];
        Assert.Equal(["closed"], ((YamlSequenceNode)pullRequest["types"]).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.Equal(["gitops/**"], ((YamlSequenceNode)pullRequest["branches"]).Children.Select(c => ((YamlScalarNode)c).Value));

        var job = (YamlMappingNode)((YamlMappingNode)root["jobs"])["complete"];
        var condition = ((YamlScalarNode)job["if"]).Value!;
        Assert.Contains("github.event.pull_request.merged == true", condition, StringComparison.Ordinal);
        Assert.Contains("github.event.pull_request.head.repo.full_name == github.repository", condition, StringComparison.Ordinal);
        Assert.Contains("startsWith(github.event.pull_request.head.ref, 'promote/')", condition, StringComparison.Ordinal);
        Assert.Contains("startsWith(github.event.pull_request.head.ref, 'rollback/')", condition, StringComparison.Ordinal);
        Assert.DoesNotContain("backport/", condition, StringComparison.Ordinal);

        // The default branch's build.sh and release.yaml run, not the copy the environment's branch started with.
        var checkout = ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>().Single(s => s.Children.TryGetValue(new YamlScalarNode("uses"), out var uses) && ((YamlScalarNode)uses).Value!.StartsWith("actions/checkout@", StringComparison.Ordinal));
        Assert.Equal("${{ github.event.repository.default_branch }}", ((YamlScalarNode)((YamlMappingNode)checkout["with"])["ref"]).Value);
    }

    [Fact]
    public void The_deploy_matrix_reads_the_output_DetectChanged_writes()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "examples/ci/github/deploy-dev.yml"));
        Assert.Contains("services: ${{ steps.changed.outputs.services }}", text, StringComparison.Ordinal);
        Assert.Contains("fromJSON(needs.detect.outputs.services)", text, StringComparison.Ordinal);
        Assert.Contains("ci.SetOutput(\"services\"", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src/Cake.Release/Building/DetectChangedRun.cs")), StringComparison.Ordinal);
    }

    /// <summary>Each command line naming a target, with the arguments given on it or collected for it just before (an args array).</summary>
    private static List<(string Target, IReadOnlyList<string> Arguments, string Line)> Commands(string example)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, example))));
        var commands = new List<(string, IReadOnlyList<string>, string)>();
        foreach (var script in Scalars(stream.Documents.Single().RootNode).Where(s => s.Contains("--", StringComparison.Ordinal)))
        {
            var pending = new List<string>();
            foreach (var line in Regex.Replace(script, @"\\\r?\n", " ").Split('\n'))
            {
                var code = line.Split(" # ")[0];
                var arguments = Argument().Matches(code).Select(m => m.Groups[1].Value).ToList();
                var targets = Target().Matches(code).Select(m => m.Groups[1].Value).ToList();
                if (targets.Count == 0)
                {
                    pending.AddRange(arguments);
                    continue;
                }

                commands.AddRange(targets.Select(t => (t, (IReadOnlyList<string>)[.. arguments, .. pending], code.Trim())));
                pending.Clear();
            }

            Assert.True(pending.Count == 0, $"{example}: --{string.Join(", --", pending)} collected for no --target: {script}");
        }

        return commands;
    }

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } value } => [value],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.Values.SelectMany(Scalars),
        _ => [],
    };

    // The package's targets, with the Promote<Env> ones of the release.yaml Init writes (dev → staging → production).
    private Dictionary<string, TaskDefinition> Catalog()
    {
        var repository = Path.Combine(_folder.Path, "repo");
        Directory.CreateDirectory(Path.Combine(repository, "projects", "blue"));
        File.WriteAllText(Path.Combine(repository, "projects", "blue", "Dockerfile"), "FROM scratch\n");
        var config = TestCake.Context().Init(new InitSettings { Root = repository }).Path.FullPath;

        var assemblies = new[] { typeof(InitAliases).Assembly };
        var definitions = TaskCatalog.Build(assemblies, [], [], _ => { });
        return TaskCatalog.WithContributed(definitions, assemblies, TestCake.Context($"--config={config}"), _ => { })
            .ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
    }

    private HashSet<string> ArgumentsRead(Dictionary<string, TaskDefinition> catalog, string target)
    {
        var recorder = new ArgumentRecorder(TestCake.Context(), [target], Path.Combine(_folder.Path, "absent", "release.yaml"));
        var pending = new Queue<string>([target]);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (pending.TryDequeue(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            var definition = catalog[name];
            var task = definition.Instance ?? (IFrostingTask)Activator.CreateInstance(definition.Type)!;
            try
            {
                task.ShouldRun(recorder);
                task.RunAsync(recorder).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is ReleaseException or CakeException or IOException)
            {
                // Expected: the configuration it names is not there; every argument was read before it was loaded.
            }

            definition.Dependencies.ToList().ForEach(pending.Enqueue);
        }

        return recorder.Read.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"--target=([A-Za-z0-9]+)")]
    private static partial Regex Target();

    [GeneratedRegex(@"(?<![\w-])--([a-z][a-z0-9-]*)=")]
    private static partial Regex Argument();
}
