using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ChangelogBenchmark;

/// <summary>
/// A monorepo of 20 services and N commits, written with one `git fast-import` (a stream of commits, not N
/// `git commit` calls). Commit i touches service i mod 20 with a Conventional Commit (some squash bodies, some
/// breaking, some not conventional); svc07/1.0.0 tags the first commit.
/// </summary>
internal static class GeneratedMonorepo
{
    public const int Services = 20;

    public static string Create(int commits)
    {
        var folder = Directory.CreateTempSubdirectory("cake-release-changelog-bench-").FullName;
        Git(folder, null, "-c", "init.defaultBranch=main", "init", "--quiet");
        var stream = new StringBuilder();
        var release = new StringBuilder("version: 1\nenvironments:\n  dev:\n    branch: gitops/dev\n    auto: true\nservices:\n");
        for (var s = 0; s < Services; s++)
        {
            release.Append(CultureInfo.InvariantCulture, $"  svc{s:00}:\n    path: projects/svc{s:00}\n");
        }

        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        for (var i = 1; i <= commits; i++)
        {
            var service = $"svc{i % Services:00}";
            var message = i == 1 ? "chore: initial" : Message(i);
            stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/main\nmark :{i}\n");
            stream.Append(CultureInfo.InvariantCulture, $"author Dev <dev@bench.invalid> {start + i * 60} +0000\ncommitter Dev <dev@bench.invalid> {start + i * 60} +0000\n");
            Data(stream, message);
            if (i > 1)
            {
                stream.Append(CultureInfo.InvariantCulture, $"from :{i - 1}\n");
            }
            else
            {
                stream.Append("M 644 inline release.yaml\n");
                Data(stream, release.ToString());
            }

            stream.Append(CultureInfo.InvariantCulture, $"M 644 inline projects/{service}/src/file{i % 7}.txt\n");
            Data(stream, $"change {i}\n");
        }

        stream.Append("reset refs/tags/svc07/1.0.0\nfrom :1\n\n");
        Git(folder, Encoding.UTF8.GetBytes(stream.ToString()), "fast-import", "--quiet");
        Git(folder, null, "reset", "--quiet", "--hard", "main");
        return folder;
    }

    public static void Git(string folder, byte[]? input, params string[] args)
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
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)}: {error.Result}");
        }
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

    private static void Data(StringBuilder stream, string text) =>
        stream.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(text)}\n{text}\n");
}
