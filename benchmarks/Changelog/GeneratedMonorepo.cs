using System.Globalization;
using System.Text;
using Benchmarks.Shared;

namespace ChangelogBenchmark;

/// <summary>
/// A monorepo of 20 services and N commits, written with one `git fast-import`. Commit i touches service i mod 20
/// with a Conventional Commit (some squash bodies, some breaking, some not conventional); svc07/1.0.0 tags the
/// first commit.
/// </summary>
internal static class GeneratedMonorepo
{
    public const int Services = 20;

    public static string Create(int commits)
    {
        var release = new StringBuilder("version: 1\nenvironments:\n  dev:\n    branch: gitops/dev\n    auto: true\nservices:\n");
        for (var s = 0; s < Services; s++)
        {
            release.Append(CultureInfo.InvariantCulture, $"  svc{s:00}:\n    path: projects/svc{s:00}\n");
        }

        var stream = new FastImportStream();
        for (var i = 1; i <= commits; i++)
        {
            stream.Commit(i, i == 1 ? "chore: initial" : Message(i));
            if (i == 1)
            {
                stream.File("release.yaml", release.ToString());
            }

            stream.File($"projects/svc{i % Services:00}/src/file{i % 7}.txt", $"change {i}\n");
        }

        stream.Tag("svc07/1.0.0", 1);
        return stream.ImportInto("cake-release-changelog-bench-");
    }

    private static string Message(int i) => (i % 11) switch
    {
        0 => $"feat(api): endpoint {i}",
        1 or 2 or 3 => $"fix: bug {i}",
        4 => $"chore: deps {i}",
        5 => $"docs: page {i}",
        6 => $"Squashed PR {i} (#{i})\n\n* feat(ui): widget {i}\n* fix(ui): widget {i} spacing\n* chore: lint",
        7 => $"refactor(db)!: schema {i}\n\nBREAKING CHANGE: migrate {i}",
        8 => $"Update something {i}",
        9 => $"Revert \"fix: bug {i - 8}\"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.",
        _ => $"perf: faster {i}",
    };
}
