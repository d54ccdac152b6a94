using Cake.Release.Config;

namespace Cake.Release.Tests.Config;

public sealed class ConfigValueTests
{
    private const string Secret = "https://acme.webhook.office.com/webhookb2/s3cr3t-token";
    private static readonly ConfigLocation Location = new("release.yaml", 31, "environments.production.notify[0].teams");

    [Fact]
    public void Resolve_expands_every_variable()
    {
        var variables = new Dictionary<string, string> { ["HOST"] = "hooks.example.com", ["TOKEN"] = "abc" };
        var value = new ConfigValue("https://${HOST}/t/${TOKEN}?again=${TOKEN}", Location, variables.GetValueOrDefault);

        Assert.Equal("https://hooks.example.com/t/abc?again=abc", value.Resolve());
        Assert.Equal(["HOST", "TOKEN"], value.Variables);
    }

    [Fact]
    public void Text_without_variables_resolves_to_itself()
    {
        Assert.Equal("https://example.com/hook", new ConfigValue("https://example.com/hook", Location, _ => null).Resolve());
    }

    [Fact]
    public void The_resolved_value_never_shows_in_ToString()
    {
        var value = new ConfigValue("${TEAMS_WEBHOOK_URL}", Location, name => name == "TEAMS_WEBHOOK_URL" ? Secret : null);
        var target = new NotifyTarget("teams", value);

        Assert.Equal(Secret, value.Resolve());
        Assert.Equal("environments.production.notify[0].teams (release.yaml:31)", value.ToString());
        Assert.DoesNotContain("s3cr3t", target.ToString());
        Assert.DoesNotContain("s3cr3t", $"{value}");
    }

    [Fact]
    public void A_value_written_literally_is_not_shown_either()
    {
        var value = new ConfigValue(Secret, Location, _ => null);

        Assert.DoesNotContain("s3cr3t", value.ToString());
        Assert.DoesNotContain("s3cr3t", new NotifyTarget("teams", value).ToString());
    }

    [Fact]
    public void An_unset_variable_is_named_without_revealing_the_variables_that_are_set()
    {
        var value = new ConfigValue("${TEAMS_WEBHOOK_URL}&key=${TEAMS_KEY}", Location, name => name == "TEAMS_WEBHOOK_URL" ? Secret : null);

        var error = Assert.Throws<ReleaseConfigException>(value.Resolve);

        Assert.Equal("release.yaml:31: environments.production.notify[0].teams uses ${TEAMS_KEY}, which is not set; set it in the CI secrets or the shell", error.Message);
        Assert.DoesNotContain("s3cr3t", error.ToString());
    }

    [Fact]
    public void An_empty_variable_counts_as_unset()
    {
        var value = new ConfigValue("${SLACK_WEBHOOK_URL}", Location with { Key = "environments.production.notify[1].slack" }, _ => string.Empty);

        Assert.Equal("release.yaml:31: environments.production.notify[1].slack uses ${SLACK_WEBHOOK_URL}, which is not set; set it in the CI secrets or the shell",
            Assert.Throws<ReleaseConfigException>(value.Resolve).Message);
    }

    [Fact]
    public void A_malformed_reference_is_refused_without_quoting_it()
    {
        var error = Assert.Throws<ReleaseConfigException>(() => new ConfigValue("${https://hooks/s3cr3t}", Location, _ => null));

        Assert.Equal("release.yaml:31: environments.production.notify[0].teams references a variable whose name is not letters, digits and '_'; write ${NAME}, e.g. ${TEAMS_WEBHOOK_URL}", error.Message);
    }
}
