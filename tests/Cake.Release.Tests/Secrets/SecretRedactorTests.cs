using Cake.Core.Diagnostics;
using Cake.Release.Secrets;

namespace Cake.Release.Tests.Secrets;

/// <summary>What the run's log masks, and what it leaves alone so the log stays readable.</summary>
public sealed class SecretRedactorTests
{
    [Fact]
    public void A_token_in_a_url_is_masked_there_and_wherever_it_or_its_basic_form_shows_up_later()
    {
        var redactor = new SecretRedactor();

        Assert.Equal("fatal: unable to access 'https://***@host/org/repo.git/'", redactor.Redact("fatal: unable to access 'https://x-access-token:ghs_abcdef123456@host/org/repo.git/'"));
        Assert.Equal("token *** and Authorization: Basic ***", redactor.Redact("token ghs_abcdef123456 and Authorization: Basic eC1hY2Nlc3MtdG9rZW46Z2hzX2FiY2RlZjEyMzQ1Ng=="));
    }

    [Fact]
    public void Credential_variables_are_secrets_and_other_variables_are_not()
    {
        var redactor = SecretRedactor.FromEnvironment(new Dictionary<string, string>
        {
            ["GITHUB_TOKEN"] = "ghp_0123456789",
            ["REGISTRY_PASSWORD"] = "hunter2hunter2",
            ["SLACK_WEBHOOK_URL"] = "https://hooks.slack.com/services/T0/B0/xyz",
            ["NUGET_API_KEY"] = "oy2abcdefgh",
            ["GIT_AUTHOR_NAME"] = "Release Bot",
            ["PWD"] = "/home/runner/work",
            ["CI_SHORT"] = "abc",
        });

        Assert.Equal("*** *** *** *** Release Bot /home/runner/work",
            redactor.Redact("ghp_0123456789 hunter2hunter2 https://hooks.slack.com/services/T0/B0/xyz oy2abcdefgh Release Bot /home/runner/work"));
    }

    [Fact]
    public void A_short_login_alone_in_a_url_stays_readable_and_a_short_value_is_never_a_secret()
    {
        var redactor = new SecretRedactor();
        redactor.Learn("abc");

        Assert.Equal("ssh://***@host/repo git abc", redactor.Redact("ssh://git@host/repo git abc"));
    }

    [Fact]
    public void The_log_masks_format_and_arguments_and_keeps_numbers_formatted()
    {
        var inner = new RecordingLog();
        var log = new RedactingLog(inner, new SecretRedactor());
        log.KeepSecret("https://hooks.example/T0/secret-path");

        log.Information("Executing: git push {0} after {1:0.0} s to https://hooks.example/T0/secret-path", "http://u:p4ssw0rd!@127.0.0.1/origin.git", 1.25);

        Assert.Equal("Executing: git push http://***@127.0.0.1/origin.git after 1.3 s to ***", Assert.Single(inner.Lines));
    }

    private sealed class RecordingLog : ICakeLog
    {
        public List<string> Lines { get; } = [];

        public Verbosity Verbosity { get; set; } = Verbosity.Diagnostic;

        public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args) =>
            Lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
