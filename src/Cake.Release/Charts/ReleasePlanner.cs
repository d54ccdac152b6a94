using Cake.Release.Changelog;
using Cake.Release.Changes;
using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Versioning;
using NuGet.Versioning;

namespace Cake.Release.Charts;

/// <summary>
/// Works out one release for BumpChart, WriteChangelog and ReleaseChart alike, so the three agree on the version:
/// the line's versions come from its release tags (a chart never tagged starts from its Chart.yaml version), the
/// changes from one path-limited git log since the last stable tag; the chart's version is never lowered (a chart
/// already at or above the computed version keeps its own), and a step whose edit is already there adds nothing,
/// which is what makes a re-run after a partial failure complete the release instead of repeating it.
/// </summary>
internal sealed class ReleasePlanner(ReleaseConfig config, ICommitLog history, ReleaseSource source, VersionRules rules, ChangelogFormat format)
{
    public ReleasePlan Plan(ReleaseUnit unit, VersionRequest request, bool bumpChart, bool writeChangelog, DateOnly date, string? remoteUrl)
    {
        var chart = unit.ChartFile is null ? null : ChartDocument.Parse(unit.ChartFile, source.Read(unit.ChartFile)
            ?? throw new ReleaseException($"{unit.ChartFile} does not exist at {Describe()}; pass --chart=<folder holding Chart.yaml>, or fix chart: of service {unit.Name} in {config.File}."));
        var tags = ReleaseTags.Of(unit.ReleaseTagTemplate(config.Tags), unit.Name, source.Tags);
        var stableTag = tags.LastOrDefault(t => !t.Version.IsPrerelease);
        var latestTag = tags.LastOrDefault();
        if (request.Explicit is { } wanted && tags.FirstOrDefault(t => Precedence.SemVer.Equals(t.Version, wanted)) is { } done)
        {
            return new ReleasePlan(unit, done.Version, done.Name, done, latestTag, [], []);
        }

        var (sinceStable, level, changedSinceLatest) = ChangesSince(history, source.Revision, tags, unit.Paths);
        var existing = tags.Select(t => t.Version).ToList();
        if (existing.Count == 0 && chart is not null)
        {
            existing.Add(chart.Version);
        }

        var notes = new List<string>();
        SemanticVersion? version;
        if (request.Explicit is { } explicitVersion)
        {
            version = chart is not null && Precedence.SemVer.Equals(chart.Version, explicitVersion) ? explicitVersion : VersionLine.Next(unit.Name, existing, request, level, changedSinceLatest, rules) ?? explicitVersion;
            if (chart is not null && Precedence.SemVer.Compare(chart.Version, version) > 0)
            {
                throw new ReleaseException($"{unit.ChartFile}:{chart.VersionLine}: the chart is at {ReleaseVersion.Text(chart.Version)}, above --version={ReleaseVersion.Text(version)}; pass a version above {ReleaseVersion.Text(chart.Version)}.");
            }
        }
        else
        {
            version = VersionLine.Next(unit.Name, existing, request, level, changedSinceLatest, rules);
            if (version is null)
            {
                return new ReleasePlan(unit, null, null, null, latestTag, [], []);
            }

            if (chart is not null && tags.Count > 0 && Precedence.SemVer.Compare(chart.Version, version) > 0)
            {
                notes.Add($"{unit.ChartFile} is already at {ReleaseVersion.Text(chart.Version)}, above the computed {ReleaseVersion.Text(version)}; keeping the chart's version");
                version = chart.Version;
            }
        }

        if (tags.FirstOrDefault(t => Precedence.SemVer.Equals(t.Version, version)) is { } tagged)
        {
            return new ReleasePlan(unit, tagged.Version, tagged.Name, tagged, latestTag, [], notes);
        }

        var tag = ReleaseTags.Name(unit.ReleaseTagTemplate(config.Tags), unit.Name, version);
        var edits = new List<FileEdit>();
        if (bumpChart && chart is not null)
        {
            edits.AddRange(ChartEdits(unit, chart, version, notes));
        }

        if (writeChangelog)
        {
            var previous = tags.LastOrDefault(t => Precedence.SemVer.Compare(t.Version, version) < 0 && (version.IsPrerelease || !t.Version.IsPrerelease));
            var document = ChangelogDocument.Parse(unit.ChangelogPath, source.Read(unit.ChangelogPath));
            if (!document.Has(ReleaseVersion.Text(version)))
            {
                var commits = previous == stableTag ? sinceStable : history.Log(source.Revision, previous?.Commit, unit.Paths);
                var section = ReleaseNotes.Render(ReleaseVersion.Text(version), date, commits.SelectMany(ConventionalCommitParser.Parse), format);
                var links = CompareLinks.ForRemote(remoteUrl) is { } host ? ReleaseLinks.For(host, previous?.Name, tag) : null;
                edits.Add(new FileEdit(unit.ChangelogPath, document.AddRelease(ReleaseVersion.Text(version), section, links)));
            }
        }

        return new ReleasePlan(unit, version, tag, null, latestTag, edits.Where(e => e.Text != source.Read(e.Path)).ToList(), notes);
    }

    /// <summary>
    /// The commits of <paramref name="paths"/> since the last stable release tag, their highest change level, and
    /// whether anything changed since the latest (possibly pre-release) tag: what a version bump is computed from.
    /// </summary>
    internal static (IReadOnlyList<CommitRecord> SinceStable, ChangeLevel Level, bool ChangedSinceLatest) ChangesSince(ICommitLog history, string revision, IReadOnlyList<ReleaseTag> tags, IReadOnlyList<string> paths)
    {
        var stableTag = tags.LastOrDefault(t => !t.Version.IsPrerelease);
        var latestTag = tags.LastOrDefault();
        var sinceStable = history.Log(revision, stableTag?.Commit, paths);
        var level = ChangeLevels.Of(sinceStable.SelectMany(ConventionalCommitParser.Parse));
        var changedSinceLatest = latestTag == stableTag ? sinceStable.Count > 0 : history.Changed(revision, latestTag!.Commit, paths);
        return (sinceStable, level, changedSinceLatest);
    }

    private IEnumerable<FileEdit> ChartEdits(ReleaseUnit unit, ChartDocument chart, SemanticVersion version, List<string> notes)
    {
        var text = chart.WithVersion(version);
        if (unit.Service is not null)
        {
            text = ChartDocument.WithAppVersion(text, ReleaseVersion.Text(version));
        }

        yield return new FileEdit(unit.ChartFile!, text);

        var charts = ChartFiles(unit.ChartDir!)
            .Where(file => file != unit.ChartFile)
            .Select(file => (Dir: Path.GetDirectoryName(file)!.Replace('\\', '/'), Chart: ChartDocument.Parse(file, source.Read(file)!)));
        foreach (var (dir, parent, dependency) in ChartParents.Of(unit.ChartDir!, chart, charts))
        {
            if (!ReleaseVersion.TryParse(dependency.Version, out var pinned, out _))
            {
                notes.Add($"{parent.File}:{dependency.Line}: dependency {dependency.Name} \"{dependency.Version}\" is a range, kept as written");
                continue;
            }

            if (pinned == version)
            {
                continue;
            }

            // The parent's Chart.yaml changes, so by ct's rule the parent needs a new version too: its next patch
            // (or next pre-release of its channel).
            var parentText = ChartDocument.WithDependencyVersion(parent.Text, dependency, version);
            var parentVersion = VersionLine.Next(parent.Name, [parent.Version], new VersionRequest { Bump = parent.Version.IsPrerelease ? VersionBump.Prerelease : VersionBump.Patch }, ChangeLevel.Patch, true, rules)!;
            parentText = ChartDocument.Parse(parent.File, parentText).WithVersion(parentVersion);
            notes.Add($"{parent.File}: {dependency.Name} {dependency.Version} → {ReleaseVersion.Text(version)}, chart {ReleaseVersion.Text(parent.Version)} → {ReleaseVersion.Text(parentVersion)}");
            yield return new FileEdit($"{dir}/Chart.yaml", parentText);
        }
    }

    // Charts next to this one (and under them), and the charts it sits inside (a sub-chart in a parent's charts/).
    private IEnumerable<string> ChartFiles(string chartDir)
    {
        var parent = Path.GetDirectoryName(chartDir)?.Replace('\\', '/') ?? "";
        var files = source.ChartFilesUnder(parent is "" ? "." : parent).ToList();
        for (var dir = parent; dir.Length > 0; dir = Path.GetDirectoryName(dir)?.Replace('\\', '/') ?? "")
        {
            if (source.Read($"{dir}/Chart.yaml") is not null)
            {
                files.Add($"{dir}/Chart.yaml");
            }
        }

        return files.Distinct();
    }

    private string Describe() => source.Revision == "HEAD" ? "the working tree" : ShortCommit.Of(source.Revision);
}
