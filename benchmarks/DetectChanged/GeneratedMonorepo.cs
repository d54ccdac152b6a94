using System.Diagnostics;
using System.Globalization;
using System.Text;

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
        var folder = Directory.CreateTempSubdirectory("cake-release-detect-bench-").FullName;
        Git(folder, null, "-c", "init.defaultBranch=main", "init", "--quiet");
        var stream = new StringBuilder();
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        for (var i = 1; i <= commits; i++)
        {
            stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/main\nmark :{i}\n");
            stream.Append(CultureInfo.InvariantCulture, $"author Dev <dev@bench.invalid> {start + i * 60} +0000\ncommitter Dev <dev@bench.invalid> {start + i * 60} +0000\n");
            Data(stream, i == 1 ? "chore: initial" : $"feat: change {i}");
            if (i > 1)
            {
                stream.Append(CultureInfo.InvariantCulture, $"from :{i - 1}\n");
                var path = i % 50 == 0 ? $"libs/shared/file{i % 5}.txt" : $"projects/{Name(i * 7 % Services)}/src/file{i % 3}.txt";
                stream.Append(CultureInfo.InvariantCulture, $"M 644 inline {path}\n");
                Data(stream, $"change {i}\n");
                continue;
            }

            stream.Append("M 644 inline release.yaml\n");
            Data(stream, ReleaseYaml());
            stream.Append("M 644 inline libs/shared/file0.txt\n");
            Data(stream, "shared\n");
            for (var s = 0; s < Services; s++)
            {
                foreach (var file in new[] { "Dockerfile", "src/file0.txt", "src/file1.txt", "src/file2.txt" })
                {
                    stream.Append(CultureInfo.InvariantCulture, $"M 644 inline projects/{Name(s)}/{file}\n");
                    Data(stream, $"{Name(s)} {file}\n");
                }
            }
        }

        Git(folder, Encoding.UTF8.GetBytes(stream.ToString()), "fast-import", "--quiet");
        Git(folder, null, "reset", "--quiet", "--hard", "main");
        return folder;
    }

    public static string Name(int service) => $"svc{service:0000}";

    public static string Git(string folder, byte[]? input, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardInput = input is not null, RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(info.ArgumentList.Add);
        using var process = Process.Start(info)!;
        if (input is not null)
        {
            process.StandardInput.BaseStream.Write(input);
            process.StandardInput.Close();
        }

        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', args)}: {error.Result}");
    }

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

    private static void Data(StringBuilder stream, string text) =>
        stream.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(text)}\n{text}\n");
}
