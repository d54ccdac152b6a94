using Cake.Core.Diagnostics;
using Cake.Release.Changes;
using Cake.Release.Config;
using Cake.Release.Tests.Yaml;

namespace Cake.Release.Tests.Changes;

/// <summary>
/// Change detection on an in-memory history, no git process: which base each service is compared with, and what
/// its diff marks. The end-to-end behaviour on real repositories is DetectChangedTests'.
/// </summary>
public sealed class ChangeDetectionTests : IDisposable
{
    private const string Head = "1111111111111111111111111111111111111111";
    private const string Main = "2222222222222222222222222222222222222222";
    private const string MergeBase = "3333333333333333333333333333333333333333";
    private readonly TempFolder _repository = new();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void A_base_argument_compares_every_service_with_it_and_marks_those_its_diff_touches()
    {
        var history = new InMemoryHistory { Revisions = { ["v1.0"] = MergeBase }, Diffs = { [(MergeBase, Head)] = [Modified("projects/blue/app.txt")] } };

        var changes = Detect(history, baseArgument: "v1.0");

        Assert.Equal(["blue"], changes.Names);
        Assert.Equal(["green"], changes.Unchanged);
        Assert.Equal(Head, changes.Head);
        Assert.Empty(history.Fetched);
    }

    [Fact]
    public void Without_a_base_or_a_deployment_each_service_is_compared_with_the_merge_base_with_main()
    {
        var history = new InMemoryHistory
        {
            Remote = { ["main"] = Main },
            MergeBases = { [(Head, Main)] = MergeBase },
            Diffs = { [(MergeBase, Head)] = [Modified("projects/green/app.txt"), Modified("README.md")] },
        };

        var changes = Detect(history, baseArgument: null);

        Assert.Equal(["green"], changes.Names);
        Assert.Equal(["README.md"], changes.Outside.Select(f => f.Path));
        Assert.Equal(["origin/main@" + Main], history.Fetched);
    }

    [Fact]
    public void A_first_commit_has_nothing_to_compare_with_so_every_service_counts_and_says_why()
    {
        var history = new InMemoryHistory { Parents = 0, Remote = { ["main"] = Main } };

        var changes = Detect(history, baseArgument: null);

        Assert.Equal(["blue", "green"], changes.Names);
        Assert.All(changes.Services, s => Assert.Contains("first commit", string.Join(" ", s.Reasons.Select(r => r.Describe())), StringComparison.Ordinal));
    }

    private ChangeSet Detect(InMemoryHistory history, string? baseArgument)
    {
        foreach (var service in new[] { "blue", "green" })
        {
            Directory.CreateDirectory(Path.Combine(_repository.Path, "projects", service));
        }

        var yaml = """
            version: 1
            environments:
              staging:
                branch: gitops/staging
            services:
              blue:
                path: projects/blue
              green:
                path: projects/green
            """;
        var config = ReleaseConfigLoader.Parse(yaml, "release.yaml", _repository.Path, _ => null);
        return new ChangeDetection(config, history, new NullLog()).Detect(baseArgument, null);
    }

    private static ChangedFile Modified(string path) => new(FileChangeStatus.Modified, path);

    /// <summary>A history that answers from dictionaries and records what would have been fetched.</summary>
    private sealed class InMemoryHistory : IChangeHistory
    {
        public int Parents { get; init; } = 1;

        public Dictionary<string, string> Revisions { get; } = [];

        public Dictionary<string, string> Remote { get; } = [];

        public Dictionary<(string, string), string> MergeBases { get; } = [];

        public Dictionary<(string, string), IReadOnlyList<ChangedFile>> Diffs { get; } = [];

        public List<string> Fetched { get; } = [];

        public string Location => "(memory)";

        public HeadProbe Probe(string head, string? baseRevision) => new(Head, Parents, false, ".git/shallow", baseRevision is null ? null : Resolve(baseRevision));

        public string? Resolve(string revision) => Revisions.GetValueOrDefault(revision) ?? (revision.Length == 40 ? revision : null);

        public bool HasCommit(string sha) => true;

        public bool IsShallow() => false;

        public string? MergeBase(string first, string second) => MergeBases.GetValueOrDefault((first, second));

        public void FetchTip(string remote, string branch, string tip, bool shallow) => Fetched.Add($"{remote}/{branch}@{tip}");

        public string? ReadText(string commit, string path) => null;

        public void Deepen(string remote, int commits, string shallowFile, string wanted) => throw new InvalidOperationException("not shallow");

        public IReadOnlyList<ChangedFile> Diff(string baseCommit, string head) => Diffs.GetValueOrDefault((baseCommit, head)) ?? [];

        public IReadOnlyDictionary<string, string> RemoteBranches(string remote, params string[] branches) =>
            branches.Where(Remote.ContainsKey).ToDictionary(b => b, b => Remote[b]);
    }
}
