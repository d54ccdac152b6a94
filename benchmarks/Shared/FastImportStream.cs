using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Benchmarks.Shared;

/// <summary>
/// A generated history written as one <c>git fast-import</c> stream (a stream of commits, not N <c>git commit</c>
/// calls), one commit a minute from 2024-01-01 on <c>main</c>, each commit the child of the one before.
/// </summary>
internal sealed class FastImportStream
{
    private static readonly long Start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
    private readonly StringBuilder _stream = new();

    /// <summary>Starts commit <paramref name="mark"/> (1, 2, …); the files written next belong to it.</summary>
    public void Commit(int mark, string message)
    {
        var time = Start + mark * 60;
        _stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/main\nmark :{mark}\n");
        _stream.Append(CultureInfo.InvariantCulture, $"author Dev <dev@bench.invalid> {time} +0000\ncommitter Dev <dev@bench.invalid> {time} +0000\n");
        Data(message);
        if (mark > 1)
        {
            _stream.Append(CultureInfo.InvariantCulture, $"from :{mark - 1}\n");
        }
    }

    public void File(string path, string text)
    {
        _stream.Append(CultureInfo.InvariantCulture, $"M 644 inline {path}\n");
        Data(text);
    }

    /// <summary>A lightweight tag on commit <paramref name="mark"/>.</summary>
    public void Tag(string name, int mark) => _stream.Append(CultureInfo.InvariantCulture, $"reset refs/tags/{name}\nfrom :{mark}\n\n");

    /// <summary>Imports the stream into a new repository in a temp folder, checks out main, and returns the folder.</summary>
    public string ImportInto(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        Git(folder, null, "-c", "init.defaultBranch=main", "init", "--quiet");
        Git(folder, Encoding.UTF8.GetBytes(_stream.ToString()), "fast-import", "--quiet");
        Git(folder, null, "reset", "--quiet", "--hard", "main");
        return folder;
    }

    /// <summary>Runs git in <paramref name="folder"/> (with <paramref name="input"/> on its standard input) and returns its output.</summary>
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

    private void Data(string text) =>
        _stream.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(text)}\n{text}\n");
}
