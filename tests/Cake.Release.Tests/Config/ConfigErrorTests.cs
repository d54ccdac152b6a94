namespace Cake.Release.Tests.Config;

/// <summary>Every mistake in release.yaml is refused with one line: file:line, the key, what is wrong and the fix.</summary>
public sealed class ConfigErrorTests : IDisposable
{
    private readonly ConfigRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    // A valid configuration; each test breaks one line of it. Line numbers: 1 version, 3 dev, 6 staging, 9 blue, 10 path.
    private static string Config(string environments = "", string services = "", string top = "") => $"""
        version: 1
        environments:
          dev:
            branch: gitops/dev
            auto: true
          staging:
            branch: gitops/staging
            from: dev
        {environments}services:
          blue:
            path: projects/blue
        {services}{top}
        """;

    [Fact]
    public void Yaml_syntax_error_names_line_and_column()
    {
        Assert.Equal(
            "release.yaml:4: not valid YAML at column 3: While parsing a block mapping, did not find expected key; fix the indentation, quoting or brackets there",
            _repository.Refusal("version: 1\nenvironments:\n   dev:\n  staging:\n"));
    }

    [Fact]
    public void Unclosed_flow_list_is_a_syntax_error_with_its_line()
    {
        Assert.Equal("release.yaml:2: not valid YAML near this line; check the brackets and commas of the [..] or {..} there", _repository.Refusal("version: 1\nservices: [a,\nenvironments: {}\n"));
    }

    [Fact]
    public void Duplicate_key_is_refused_at_its_second_occurrence()
    {
        Assert.Equal("release.yaml:3: not valid YAML at column 1: Duplicate key version; fix the indentation, quoting or brackets there",
            _repository.Refusal("version: 1\nregistry: oci:x\nversion: 1\n"));
    }

    [Fact]
    public void Empty_file_asks_for_version_environments_and_services()
    {
        Assert.Equal("release.yaml:1: the file is empty; start it with version: 1, then environments: and services:", _repository.Refusal("# nothing yet\n"));
    }

    [Fact]
    public void Missing_version_is_refused()
    {
        Assert.Equal("release.yaml:1: version is missing; add version: 1 as the first line",
            _repository.Refusal(Config().Replace("version: 1\n", "registry: oci:x\n")));
    }

    [Fact]
    public void A_version_other_than_1_is_refused()
    {
        Assert.Equal("release.yaml:1: version is \"2\", but this Cake.Release reads version 1; write version: 1 (or upgrade Cake.Release)",
            _repository.Refusal(Config().Replace("version: 1", "version: 2")));
    }

    [Fact]
    public void Unknown_top_level_key_suggests_the_closest()
    {
        Assert.Equal("release.yaml:2: enviroments is not a release.yaml key; did you mean environments?",
            _repository.Refusal(Config().Replace("environments:", "enviroments:")));
    }

    [Fact]
    public void Unknown_environment_key_suggests_the_closest()
    {
        Assert.Equal("release.yaml:11: environments.production.aprovals is not a key of an environment; did you mean approvals?",
            _repository.Refusal(Config(environments: "  production:\n    branch: gitops/production\n    aprovals: 2\n")));
    }

    [Fact]
    public void Unknown_service_key_without_a_close_one_lists_the_valid_keys()
    {
        Assert.Equal("release.yaml:12: services.blue.owner is not a key of a service; the keys here are path, image, dockerfile, context, output, buildArgs, chart, changelog, dependsOn, deploy, kind",
            _repository.Refusal(Config(services: "    owner: team-blue\n")));
    }

    [Fact]
    public void Unknown_key_deep_inside_git_is_refused()
    {
        Assert.Equal("release.yaml:13: git.mainbranch is not a key of git; did you mean mainBranch?",
            _repository.Refusal(Config(top: "git:\n  mainbranch: trunk\n")));
    }

    [Fact]
    public void Missing_environments_is_refused()
    {
        Assert.Equal("release.yaml:1: environments is missing; add environments: with at least one environment, e.g. dev: { branch: gitops/dev }",
            _repository.Refusal("version: 1\nservices:\n  blue: { path: projects/blue }\n"));
    }

    [Fact]
    public void Missing_branch_is_refused_at_the_environment()
    {
        Assert.Equal("release.yaml:6: environments.staging.branch is missing; add branch: gitops/staging (the GitOps branch of its manifest)",
            _repository.Refusal(Config().Replace("    branch: gitops/staging\n", "")));
    }

    [Fact]
    public void Missing_service_path_is_refused_at_the_service()
    {
        Assert.Equal("release.yaml:10: services.blue.path is missing; add path: projects/blue (the service folder, relative to the repository root)",
            _repository.Refusal(Config().Replace("    path: projects/blue\n", "    image: blue\n")));
    }

    [Fact]
    public void A_list_where_a_mapping_belongs_is_refused()
    {
        Assert.Equal("release.yaml:3: environments must be a mapping of keys, not a list; write it as environments: followed by one indented key per environment, e.g. dev:",
            _repository.Refusal("version: 1\nenvironments:\n  - dev\n  - staging\nservices:\n  blue: { path: projects/blue }\n"));
    }

    [Fact]
    public void A_word_where_a_number_belongs_is_refused()
    {
        Assert.Equal("release.yaml:12: environments.production.approvals must be a whole number of approvers, not \"two\"; write e.g. approvals: 2",
            _repository.Refusal(Config(environments: "  production:\n    branch: gitops/production\n    from: staging\n    approvals: two\n")));
    }

    [Fact]
    public void A_word_where_a_flag_belongs_is_refused()
    {
        Assert.Equal("release.yaml:5: environments.dev.auto must be true or false, not \"always\"; write auto: true",
            _repository.Refusal(Config().Replace("auto: true", "auto: always")));
    }

    [Fact]
    public void From_naming_no_environment_suggests_the_closest()
    {
        Assert.Equal("release.yaml:8: environments.staging.from names \"dve\", which is not an environment; did you mean dev? environments: dev, staging",
            _repository.Refusal(Config().Replace("from: dev", "from: dve")));
    }

    [Fact]
    public void A_cycle_in_from_is_named()
    {
        Assert.Equal("release.yaml:11: environments.production.from closes a promotion cycle: staging → qa → production → staging; the chain must start at an environment without from:",
            _repository.Refusal(Config(environments: "  production:\n    branch: gitops/production\n    from: staging\n  qa:\n    branch: gitops/qa\n    from: production\n")
                .Replace("from: dev", "from: qa")));
    }

    [Fact]
    public void An_environment_promoted_from_itself_is_a_cycle()
    {
        Assert.Equal("release.yaml:8: environments.staging.from closes a promotion cycle: staging → staging; the chain must start at an environment without from:",
            _repository.Refusal(Config().Replace("from: dev", "from: staging")));
    }

    [Fact]
    public void Two_auto_environments_are_refused()
    {
        Assert.Equal("release.yaml:11: environments.preview.auto is true, but environments.dev (line 5) is already the auto environment; keep auto: true on one environment only",
            _repository.Refusal(Config(environments: "  preview:\n    branch: gitops/preview\n    auto: true\n")));
    }

    [Fact]
    public void An_auto_environment_with_from_is_refused()
    {
        Assert.Equal("release.yaml:8: environments.staging.auto is true but the environment is promoted from dev; an auto environment starts the chain, so remove auto: true or from:",
            _repository.Refusal(Config(environments: "    auto: true\n").Replace("    auto: true\n  staging", "  staging")));
    }

    [Fact]
    public void A_service_path_that_does_not_exist_suggests_a_sibling()
    {
        Assert.Equal($"release.yaml:11: services.blue.path \"projects/bleu\" is not a folder of the repository; did you mean projects/blue? create it or fix the path (relative to {_repository.Root})",
            _repository.Refusal(Config().Replace("path: projects/blue", "path: projects/bleu")));
    }

    [Fact]
    public void A_service_path_above_the_repository_is_refused()
    {
        Assert.Equal("release.yaml:11: services.blue.path \"../x\" leaves the repository; keep it inside the folder of the configuration file",
            _repository.Refusal(Config().Replace("path: projects/blue", "path: ../x")));
        Assert.Equal("release.yaml:11: services.blue.path \"projects/../../x\" leaves the repository; keep it inside the folder of the configuration file",
            _repository.Refusal(Config().Replace("path: projects/blue", "path: projects/../../x")));
    }

    [Fact]
    public void An_absolute_service_path_is_refused()
    {
        Assert.Equal("release.yaml:11: services.blue.path \"/etc\" is an absolute path; write it relative to the repository root (the folder of the configuration file)",
            _repository.Refusal(Config().Replace("path: projects/blue", "path: /etc")));
    }

    [Fact]
    public void A_service_path_escaping_through_a_symbolic_link_is_refused()
    {
        var outside = Directory.CreateTempSubdirectory("cake-release-outside-").FullName;
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(_repository.Root, "projects", "escape"), outside);

            Assert.Equal("release.yaml:11: services.blue.path \"projects/escape\" leads outside the repository through a symbolic link; point it at a folder inside the repository",
                _repository.Refusal(Config().Replace("path: projects/blue", "path: projects/escape")));
        }
        finally
        {
            Directory.Delete(outside);
        }
    }

    [Fact]
    public void A_symbolic_link_that_stays_inside_the_repository_is_accepted()
    {
        Directory.CreateSymbolicLink(Path.Combine(_repository.Root, "projects", "alias"), Path.Combine(_repository.Root, "projects", "green"));

        Assert.Equal("projects/alias", _repository.Parse(Config().Replace("path: projects/blue", "path: projects/alias")).Services[0].Path);
    }

    [Fact]
    public void A_dockerfile_outside_the_repository_is_refused()
    {
        Assert.Equal("release.yaml:12: services.blue.dockerfile \"../../../Dockerfile\" leaves the repository; keep it inside the folder of the configuration file",
            _repository.Refusal(Config(services: "    dockerfile: ../../../Dockerfile\n")));
    }

    [Fact]
    public void Two_services_with_one_image_are_refused()
    {
        Assert.Equal("release.yaml:14: services.green.image \"blue\" is also the image of services.blue (line 10); give each service its own image: with image: <repository>",
            _repository.Refusal(Config(services: "  green:\n    path: projects/green\n    image: blue\n")));
    }

    [Fact]
    public void A_bad_duration_shows_the_accepted_forms()
    {
        Assert.Equal("release.yaml:12: environments.production.soak \"24 hours\" is not a duration; write e.g. 30m, 24h, 2d or 1h30m",
            _repository.Refusal(Config(environments: "  production:\n    branch: gitops/production\n    from: staging\n    soak: 24 hours\n")));
    }

    [Fact]
    public void An_unknown_placeholder_suggests_the_closest()
    {
        Assert.Equal("release.yaml:13: tags.release \"{service}/{verison}\" uses the unknown placeholder {verison}; did you mean {version}? known: {service} {version} {major} {minor} {patch} {sha} {sha7} {env} {date}",
            _repository.Refusal(Config(top: "tags:\n  release: \"{service}/{verison}\"\n")));
    }

    [Fact]
    public void An_unclosed_brace_in_a_template_is_refused()
    {
        Assert.Equal("release.yaml:12: environments.production.milestoneTag \"release-{date:yyyyMMdd\" has a '{' with no closing '}' at position 9; close the placeholder, e.g. {version}",
            _repository.Refusal(Config(environments: "  production:\n    branch: gitops/production\n    from: staging\n    milestoneTag: release-{date:yyyyMMdd\n")));
    }

    [Fact]
    public void An_unclosed_variable_is_refused_when_loading()
    {
        Assert.Equal("release.yaml:12: environments.production.notify[0].slack has a '${' with no closing '}'; write ${NAME}",
            _repository.Refusal(Config(environments: "  production:\n    branch: gitops/production\n    notify:\n      - slack: ${SLACK_URL\n")));
    }

    [Fact]
    public void An_unset_variable_is_refused_only_when_the_value_is_resolved()
    {
        var config = _repository.Parse(Config(environments: "  production:\n    branch: gitops/production\n    from: staging\n    notify:\n      - teams: ${TEAMS_WEBHOOK_URL}\n"));
        var url = config.Environment("production").Notify[0].Url;

        var error = Assert.Throws<Cake.Release.Config.ReleaseConfigException>(url.Resolve);

        Assert.Equal("release.yaml:13: environments.production.notify[0].teams uses ${TEAMS_WEBHOOK_URL}, which is not set; set it in the CI secrets or the shell", error.Message);
    }

    [Fact]
    public void Empty_environments_are_refused()
    {
        Assert.Equal("release.yaml:2: environments is empty; declare at least one, e.g. dev: { branch: gitops/dev, auto: true }",
            _repository.Refusal("version: 1\nenvironments: {}\nservices:\n  blue: { path: projects/blue }\n"));
    }

    [Fact]
    public void Empty_services_are_refused()
    {
        Assert.Equal("release.yaml:5: services is empty; declare at least one, e.g. blue: { path: projects/blue }",
            _repository.Refusal("version: 1\nenvironments:\n  dev:\n    branch: gitops/dev\nservices: {}\n"));
    }

    [Fact]
    public void Empty_services_key_counts_as_missing()
    {
        Assert.Equal("release.yaml:1: services is missing; add services: with at least one service, e.g. blue: { path: projects/blue }",
            _repository.Refusal("version: 1\nenvironments:\n  dev:\n    branch: gitops/dev\nservices:\n"));
    }

    [Fact]
    public void A_bad_builder_lists_the_builders()
    {
        Assert.Equal("release.yaml:13: build.builder \"buildkit\" is not a builder; use one of docker, buildah, podman, oci-layer",
            _repository.Refusal(Config(top: "build:\n  builder: buildkit\n")));
        Assert.Equal("release.yaml:13: build.builder \"podmann\" is not a builder; did you mean podman? use one of docker, buildah, podman, oci-layer",
            _repository.Refusal(Config(top: "build:\n  builder: podmann\n")));
    }

    [Fact]
    public void An_environment_name_that_cannot_be_a_tag_or_branch_is_refused()
    {
        Assert.Equal("release.yaml:9: environment \"QA env\" is not a valid name; use lower-case letters, digits, '-', '_' and '.', starting with a letter or digit",
            _repository.Refusal(Config(environments: "  QA env:\n    branch: gitops/qa\n")));
    }

    [Fact]
    public void A_service_name_that_cannot_be_a_tag_is_refused()
    {
        Assert.Equal("release.yaml:12: service \"-red\" is not a valid name; use lower-case letters, digits, '-', '_' and '.', starting with a letter or digit",
            _repository.Refusal(Config(services: "  -red:\n    path: projects/green\n")));
    }

    [Fact]
    public void A_branch_git_would_refuse_is_refused()
    {
        Assert.Equal("release.yaml:7: environments.staging.branch \"gitops/staging..x\" is not a valid git ref name; use letters, digits, '-', '_', '.' and '/' (see git check-ref-format)",
            _repository.Refusal(Config().Replace("branch: gitops/staging", "branch: gitops/staging..x")));
    }

    [Fact]
    public void A_dependency_that_is_neither_a_service_nor_a_path_suggests_the_closest()
    {
        Assert.Equal("release.yaml:12: services.blue.dependsOn[0] \"libs/paymnets\" is neither a service nor a path in the repository; did you mean libs/payments? name a service or a folder relative to the repository root",
            _repository.Refusal(Config(services: "    dependsOn: [libs/paymnets]\n")));
    }

    [Fact]
    public void A_notify_target_of_an_unknown_kind_is_refused()
    {
        Assert.Equal("release.yaml:12: environments.production.notify[0].team is not a kind of notification; did you mean teams?",
            _repository.Refusal(Config(environments: "  production:\n    branch: gitops/production\n    notify:\n      - team: ${TEAMS_WEBHOOK_URL}\n")));
    }

    [Fact]
    public void An_update_without_a_path_is_refused()
    {
        Assert.Equal("release.yaml:12: environments.production.updates[0].path is missing; add path: \"{service}.image.tag\" (the dotted key to set)",
            _repository.Refusal(Config(environments: "  production:\n    branch: gitops/production\n    updates:\n      - file: helm/values.yaml\n")));
    }

    [Fact]
    public void An_invalid_image_name_is_refused()
    {
        Assert.Equal("release.yaml:12: services.blue.image \"Blue_API\" is not a valid image repository; use lower-case path components like team/blue (letters, digits, '.', '_', '-')",
            _repository.Refusal(Config(services: "    image: Blue_API\n")));
    }

    [Fact]
    public void Of_two_mistakes_the_one_nearer_the_top_is_reported()
    {
        Assert.Equal("release.yaml:2: tags.build \"sha-{sha8}\" uses the unknown placeholder {sha8}; did you mean {sha}? known: {service} {version} {major} {minor} {patch} {sha} {sha7} {env} {date}",
            _repository.Refusal("version: 1\ntags: { build: \"sha-{sha8}\" }\nenvironments:\n  dev: { branch: gitops/dev, soak: forever }\nservices:\n  blue: { path: projects/blue }\n"));
    }

    [Theory]
    [InlineData("approvals: -1", "environments.production.approvals is -1, but a number of approvers cannot be negative; write approvals: 0 for none, or e.g. approvals: 2")]
    [InlineData("soak: -5h", "environments.production.soak \"-5h\" is negative; a soak time is 0 or more, e.g. 30m, 24h, 2d or 1h30m")]
    public void A_negative_gate_is_refused_as_negative(string gate, string message)
    {
        Assert.Equal($"release.yaml:12: {message}",
            _repository.Refusal(Config(environments: $"  production:\n    branch: gitops/production\n    from: staging\n    {gate}\n")));
    }

    [Theory]
    [InlineData("\tpath: projects/blue", 1)]
    [InlineData("  \t  path: projects/blue", 3)]
    [InlineData("\t\tpath: projects/blue", 1)]
    public void A_tab_in_the_indentation_is_reported_at_its_own_line(string line, int column)
    {
        var padded = string.Concat(Enumerable.Repeat("# padding\n", 21)) + Config().Replace("    path: projects/blue", line);
        Assert.Equal(line, padded.Split('\n')[31]);

        Assert.Equal($"release.yaml:32: a tab indents this line (column {column}); YAML indents with spaces only, so replace the tab with spaces",
            _repository.Refusal(padded));
    }
}
