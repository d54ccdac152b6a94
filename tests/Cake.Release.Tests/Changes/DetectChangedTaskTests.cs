using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Changes;

/// <summary>The DetectChanged target run by a real pipeline process, as a CI step runs it.</summary>
public sealed class DetectChangedTaskTests : IDisposable
{
    private readonly GitRemote _remote = ShopMonorepo.Create();
    private readonly string _scratch = Directory.CreateTempSubdirectory("cake-release-gha-").FullName;

    public void Dispose()
    {
        _remote.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public void On_github_actions_it_sets_the_services_output_and_a_summary_table()
    {
        var clone = _remote.Clone();
        var initial = GitRemote.Git(clone, "rev-parse", "HEAD").Trim();
        ShopMonorepo.Commit(clone, "fix(payments): rounding", new Dictionary<string, string?> { ["libs/payments/payments.txt"] = "payments v2\n" });
        var (output, summary) = (Path.Combine(_scratch, "output"), Path.Combine(_scratch, "summary.md"));
        File.WriteAllText(output, "earlier=kept\n");

        var result = ReleasePipeline.RunIn(clone, GitHub("true", output, summary), "--target=DetectChanged", $"--base={initial}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("earlier=kept\nservices=[\"blue\",\"green\"]\n", File.ReadAllText(output));
        var table = File.ReadAllText(summary);
        Assert.Contains("### DetectChanged: 2 of 4 services changed", table);
        Assert.Contains($"| blue | {initial[..7]} (--base) | depends on libs/payments: libs/payments/payments.txt (modified) |", table);
        Assert.Contains($"| green | {initial[..7]} (--base) | depends on libs/payments: libs/payments/payments.txt (modified) |", table);
        Assert.Contains("2 of 4 services changed", result.Output);
        Assert.Contains("Unchanged: yellow, red", result.Output);
        Assert.True(File.Exists(Path.Combine(clone, "artifacts", "changed.json")));
    }

    [Fact]
    public void Outside_github_actions_no_output_file_is_touched()
    {
        var clone = _remote.Clone();
        var initial = GitRemote.Git(clone, "rev-parse", "HEAD").Trim();
        ShopMonorepo.Commit(clone, "feat(red): v2", new Dictionary<string, string?> { ["projects/red/app.txt"] = "red v2\n" });
        var (output, summary) = (Path.Combine(_scratch, "output"), Path.Combine(_scratch, "summary.md"));

        var result = ReleasePipeline.RunIn(clone, GitHub("", output, summary), "--target=DetectChanged", $"--base={initial}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(summary));
        Assert.Matches(@"red\s+[0-9a-f]{7} \(--base\)\s+projects/red/app.txt \(modified\)", result.Output);
    }

    [Fact]
    public void A_dry_run_still_writes_changed_json_its_only_output()
    {
        var clone = _remote.Clone();
        var initial = GitRemote.Git(clone, "rev-parse", "HEAD").Trim();
        ShopMonorepo.Commit(clone, "feat(blue): v2", new Dictionary<string, string?> { ["projects/blue/app.txt"] = "blue v2\n" });
        var refs = GitRemote.LocalState(clone);

        var result = ReleasePipeline.RunIn(clone, "--target=DetectChanged", $"--base={initial}", "--dryrun");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"service\": \"blue\"", File.ReadAllText(Path.Combine(clone, "artifacts", "changed.json")));
        Assert.Equal(refs, GitRemote.LocalState(clone).Replace("?? artifacts/changed.json\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_base_is_refused_in_one_line()
    {
        var clone = _remote.Clone();

        var result = ReleasePipeline.RunIn(clone, "--target=DetectChanged", "--base=origin/mian");

        result.AssertRefused("--base 'origin/mian' is not a commit, branch or tag in");
        Assert.False(File.Exists(Path.Combine(clone, "artifacts", "changed.json")));
    }

    private static Dictionary<string, string> GitHub(string actions, string output, string summary) => new()
    {
        ["GITHUB_ACTIONS"] = actions,
        ["GITHUB_OUTPUT"] = output,
        ["GITHUB_STEP_SUMMARY"] = summary,
    };
}
