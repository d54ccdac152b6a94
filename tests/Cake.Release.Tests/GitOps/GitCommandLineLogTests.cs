using System.Text;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Release.GitOps;
using Cake.Release.Hosting;
using Cake.Release.Secrets;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace Cake.Release.Tests.GitOps;

/// <summary>
/// The git calls a GitOps write makes without Cake's runner (bytes in and out, and streamed reads) say what they run
/// at <c>--verbosity=diagnostic</c>, as Cake's runner does for the others, with the token in a remote's URL masked.
/// </summary>
public sealed class GitCommandLineLogTests : IDisposable
{
    private const string Token = "ghs_T0kenInTheWriteUrl6b1d3a";
    private readonly GitRemote _remote = new();
    private readonly GitHttpServer _server;

    public GitCommandLineLogTests() => _server = new GitHttpServer(_remote.Folder, "x-access-token", Token);

    public void Dispose()
    {
        _server.Dispose();
        _remote.Dispose();
    }

    [Fact]
    public void A_write_at_diagnostic_verbosity_logs_its_git_command_lines_without_the_token()
    {
        var (context, log) = Context(Verbosity.Diagnostic);

        Write(context);

        Assert.Contains(log.Lines, line => line.StartsWith("Executing: ", StringComparison.Ordinal) && line.Contains(" ls-remote --heads http://***@127.0.0.1:", StringComparison.Ordinal));
        Assert.Contains(log.Lines, line => line.StartsWith("Executing: ", StringComparison.Ordinal) && line.Contains(" fast-import --quiet", StringComparison.Ordinal));
        Assert.Contains(log.Lines, line => line.StartsWith("Executing: ", StringComparison.Ordinal) && line.Contains(" push --porcelain http://***@127.0.0.1:", StringComparison.Ordinal));
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"x-access-token:{Token}"));
        Assert.DoesNotContain(log.Lines, line => line.Contains(Token, StringComparison.Ordinal) || line.Contains(basic, StringComparison.Ordinal));
    }

    [Fact]
    public void A_credential_in_the_clone_config_never_reaches_the_log_at_diagnostic_verbosity()
    {
        // actions/checkout leaves the job's token in the clone's config as an extra header for its host, and who
        // commits is read with `git var -l`, which lists the configuration.
        const string credential = "eC1hY2Nlc3MtdG9rZW46Z2hzX0luVGhlQ29uZmln";
        var (context, log) = Context(Verbosity.Diagnostic);

        Write(context, clone => GitRemote.Git(clone, "config", "http.https://github.com/.extraheader", $"AUTHORIZATION: basic {credential}"));

        Assert.Contains(log.Lines, line => line.StartsWith("Executing: ", StringComparison.Ordinal) && line.EndsWith(" var -l", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, line => line.Contains(credential, StringComparison.Ordinal));
    }

    [Fact]
    public void A_write_at_normal_verbosity_logs_no_git_command_line()
    {
        var (context, log) = Context(Verbosity.Normal);

        Write(context);

        Assert.DoesNotContain(log.Lines, line => line.Contains("Executing", StringComparison.Ordinal) || line.Contains("ls-remote", StringComparison.Ordinal) || line.Contains("fast-import", StringComparison.Ordinal));
    }

    [Fact]
    public void A_streamed_read_at_diagnostic_verbosity_logs_its_command_line()
    {
        var (context, log) = Context(Verbosity.Diagnostic);

        using (var read = CatFileStream.Start(GitTool.For(context), new DirectoryPath(_remote.Seed), ["HEAD:README.md"]))
        {
            Assert.True(read.Next(out _, out _));
            read.Finish();
        }

        Assert.Contains(log.Lines, line => line.StartsWith("Executing: ", StringComparison.Ordinal) && line.EndsWith(" cat-file --batch", StringComparison.Ordinal));
    }

    // The host's services with the host's redacting log, over a log whose lines the test reads.
    private static (ICakeContext Context, RecordingLog Log) Context(Verbosity verbosity)
    {
        var log = new RecordingLog { Verbosity = verbosity };
        var context = new ServiceCollection()
            .AddCakeEngine(HostOptions.Parse([]), new Dictionary<string, string>(), verbosity)
            .AddSingleton<ICakeLog>(services => new RedactingLog(log, services.GetRequiredService<SecretRedactor>()))
            .BuildServiceProvider()
            .GetRequiredService<ICakeContext>();
        return (context, log);
    }

    // The remote named by a URL with the token in it, as a CI job passes it, so the token is on git's command line.
    private void Write(ICakeContext context, Action<string>? prepare = null)
    {
        var clone = _remote.Clone();
        prepare?.Invoke(clone);
        var writer = new BranchWriter(new GitRepository(context, new DirectoryPath(clone)), context.Log);
        var url = _server.Url("origin.git", "x-access-token", Token);

        var result = writer.Write(url, "gitops/dev", "main", _ => new BranchChange("deploy blue", [new FileEdit("rendered/dev/blue.yaml", "kind: Deployment\n")]), dryRun: false);

        Assert.Equal(BranchWriteOutcome.Committed, result.Outcome);
        Assert.Equal("kind: Deployment\n", _remote.Show("gitops/dev", "rendered/dev/blue.yaml"));
    }
}
