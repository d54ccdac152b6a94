using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Cake.Core;
using Cake.Core.IO;

namespace Cake.Release.GitOps;

/// <summary>
/// <c>git cat-file --batch</c> read as it writes, one object at a time, as exact bytes. <see cref="CatFileBatch"/>
/// reads the whole answer as lines first, which is fine for a handful of files but holds every revision of a
/// manifest history in memory at once (10,000 revisions of a 100-service manifest are 270 MB of text); here only
/// the object being read is held, in one buffer that grows to the largest object. Its loops run once per object in a
/// short-lived process, so they are compiled optimized from the first call rather than after tiering.
/// </summary>
internal sealed class CatFileStream : IDisposable
{
    private readonly Process _process;
    private readonly Stream _output;
    private readonly Task _asking;
    private readonly Task<string> _errors;
    private readonly DirectoryPath _root;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;

    private CatFileStream(Process process, DirectoryPath root, IReadOnlyList<string> objects)
    {
        _process = process;
        _root = root;
        _output = process.StandardOutput.BaseStream;
        _errors = process.StandardError.ReadToEndAsync();
        // The names go in while the answers come out: git answers as it reads, so writing them all first could
        // fill both pipes and wait forever.
        var input = process.StandardInput;
        _asking = Task.Run(() =>
        {
            try
            {
                foreach (var name in objects)
                {
                    input.Write(name);
                    input.Write('\n');
                }

                input.Close();
            }
            catch (IOException)
            {
                // git stopped reading (it failed, or the reader was disposed early); its exit code tells which.
            }
        });
    }

    /// <summary>Starts <c>git cat-file --batch</c> in <paramref name="root"/> for <paramref name="objects"/> (<c>&lt;commit&gt;:&lt;path&gt;</c> names).</summary>
    public static CatFileStream Start(IGit git, DirectoryPath root, IReadOnlyList<string> objects)
    {
        var start = git.Streaming(root, new ProcessArgumentBuilder().Append("cat-file").Append("--batch"));
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardInputEncoding = new System.Text.UTF8Encoding(false);
        var process = Process.Start(start) ?? throw new ReleaseException($"git cat-file could not be started in {root.FullPath}; check that git is installed.");
        return new CatFileStream(process, root, objects);
    }

    /// <summary>
    /// The next object asked for: its type and content (valid until the next call), or false when it is missing;
    /// a ReleaseException when git's answer ends early.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next(out string type, out ReadOnlyMemory<byte> content)
    {
        var header = ReadLine() ?? throw Failed("its answer ended early");
        var fields = header.Split(' ');
        if (fields is [_, "missing"] or [_, "ambiguous"])
        {
            (type, content) = ("missing", ReadOnlyMemory<byte>.Empty);
            return false;
        }

        if (fields is not [_, var kind, var sizeText] || !int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            throw Failed($"it answered '{header}'");
        }

        // The content, then the newline git adds after it.
        Fill(size + 1);
        (type, content) = (kind, _buffer.AsMemory(_start, size));
        _start += size + 1;
        return true;
    }

    /// <summary>Waits for git to end; a ReleaseException when it failed.</summary>
    public void Finish()
    {
        _asking.Wait();
        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            throw Failed(_errors.Result.Split('\n').FirstOrDefault(line => line.Length > 0) ?? $"exit code {_process.ExitCode}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private ReleaseException Failed(string why) =>
        new($"git cat-file --batch in {_root.FullPath} failed: {why}; check the repository (git fsck).");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? ReadLine()
    {
        var scanned = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = System.Text.Encoding.UTF8.GetString(_buffer, _start, scanned + newline);
                _start += scanned + newline + 1;
                return line;
            }

            scanned = _end - _start;
            if (!Read())
            {
                return null;
            }
        }
    }

    // Makes sure the buffer holds at least count unread bytes, growing it for an object bigger than any before.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill(int count)
    {
        if (_buffer.Length - _start < count)
        {
            var target = _buffer.Length >= count ? _buffer : new byte[Math.Max(count, _buffer.Length * 2)];
            Buffer.BlockCopy(_buffer, _start, target, 0, _end - _start);
            (_buffer, _end, _start) = (target, _end - _start, 0);
        }

        while (_end - _start < count)
        {
            if (!Read())
            {
                throw Failed("its answer ended inside an object");
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Read()
    {
        if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                (_end, _start) = (_end - _start, 0);
            }
            else
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }

        var read = _output.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        return read > 0;
    }
}
