using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Release.Diffs;
using Cake.Release.GitOps;

namespace Cake.Release.Charts;

/// <summary>
/// <c>helm lint</c> on a bumped chart before its release commit is pushed, when <c>helm</c> is on PATH (it is the
/// only judge of a chart's templates; there is no in-process one). The chart is linted as the commit would hold it:
/// the main branch's tree with the edits, written to a temporary folder, since the commit is made without a checkout.
/// </summary>
internal sealed class ChartLint(ICakeContext context, GitRepository repository, string chartFolder)
{
    private readonly FilePath? _helm = context.Tools.Resolve("helm") ?? context.Tools.Resolve("helm.exe");

    /// <summary>Throws a <see cref="ReleaseException"/> with helm's reason when the edited chart does not lint; skipped, with a verbose line, without helm.</summary>
    public void Verify(BranchSnapshot snapshot, BranchChange change, IReadOnlyList<FileChange> changes)
    {
        if (_helm is null)
        {
            context.Log.Verbose("helm is not on PATH: helm lint {0} skipped.", chartFolder);
            return;
        }

        if (changes.Count == 0)
        {
            return;
        }

        var scratch = Directory.CreateTempSubdirectory("cake-release-lint-");
        try
        {
            var tree = repository.MaterialiseWith(snapshot.Tip, changes, scratch.FullName);

            var settings = new ProcessSettings
            {
                Arguments = new ProcessArgumentBuilder().Append("lint").AppendQuoted(chartFolder),
                WorkingDirectory = tree,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = context.ProcessRunner.Start(_helm, settings);
            process.WaitForExit();
            var lines = process.GetStandardOutput().Concat(process.GetStandardError()).Where(line => line.Trim().Length > 0).ToList();
            if (process.GetExitCode() != 0)
            {
                var reason = lines.LastOrDefault(line => line.Contains("[ERROR]", StringComparison.Ordinal)) ?? lines.LastOrDefault() ?? $"helm exited with {process.GetExitCode()}";
                throw new ReleaseException($"helm lint {chartFolder} fails with the release's edits ({reason.Trim()}); fix the chart on {snapshot.Branch} and run again. Nothing was pushed.");
            }

            context.Log.Verbose("helm lint {0}: passed.", chartFolder);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
