using System.Globalization;
using System.Text;
using Benchmarks.Shared;

namespace DetectChangedBenchmark;

/// <summary>
/// A monorepo of 1,000 services (projects/svcNNNN, each with src files and a Dockerfile; every tenth depends on
/// libs/shared, every hundredth on the service before it) and N commits, written with one `git fast-import` stream.
/// Commit i edits one file of service (i × 7) mod 1,000, and every 50th commit edits libs/shared: a 100-commit range
/// touches about 100 services directly and ~100 more through the library.
/// </summary>
internal static class GeneratedMonorepo
{
    public const int Services = 1000;

    public static string Create(int commits)
    {
        var stream = new FastImportStream();
        stream.Commit(1, "chore: initial");
        stream.File("release.yaml", ReleaseYaml());
        stream.File("libs/shared/file0.txt", "shared\n");
        for (var s = 0; s < Services; s++)
        {
            foreach (var file in new[] { "Dockerfile", "src/file0.txt", "src/file1.txt", "src/file2.txt" })
            {
                stream.File($"projects/{Name(s)}/{file}", $"{Name(s)} {file}\n");
            }
        }

        for (var i = 2; i <= commits; i++)
        {
            stream.Commit(i, $"feat: change {i}");
            stream.File(i % 50 == 0 ? $"libs/shared/file{i % 5}.txt" : $"projects/{Name(i * 7 % Services)}/src/file{i % 3}.txt", $"change {i}\n");
        }

        return stream.ImportInto("cake-release-detect-bench-");
    }

    public static string Name(int service) => $"svc{service:0000}";

    private static string ReleaseYaml()
    {
        var yaml = new StringBuilder("version: 1\nenvironments:\n  dev:\n    branch: gitops/dev\n    auto: true\nservices:\n");
        for (var s = 0; s < Services; s++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  {Name(s)}:\n    path: projects/{Name(s)}\n");
            var dependsOn = new List<string>();
            if (s % 10 == 0)
            {
                dependsOn.Add("libs/shared");
            }

            if (s % 100 == 1)
            {
                dependsOn.Add(Name(s - 1));
            }

            if (dependsOn.Count > 0)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"    dependsOn: [{string.Join(", ", dependsOn)}]\n");
            }
        }

        return yaml.ToString();
    }
}
