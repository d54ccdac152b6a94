using Cake.Core.Diagnostics;

namespace Cake.Release.GitOps;

/// <summary>The release branch a promotion leaves at its source commit, and where the remote's branch stands now.</summary>
internal sealed record ReleaseBranchInput(string Branch, string Commit, ReleaseBranchState State);

/// <summary>Creates the release branch at the source commit, or fast-forwards it there; one already holding it is left alone.</summary>
internal sealed class ReleaseBranchStep(ICakeLog log, ReleaseRefs refs, string remote) : IReleaseStep<ReleaseBranchInput, StepEffect>
{
    private const string Step = "release-branch";

    public StepEffect Plan(ReleaseBranchInput input)
    {
        if (Held(input) is { } held)
        {
            return held;
        }

        var what = Describe(input);
        log.Information("Dry run: would push {0} (git push {1} {2}:refs/heads/{3}).", what, remote, ShortCommit.Of(input.Commit), input.Branch);
        return new StepEffect(Step, true, what);
    }

    public StepEffect Apply(ReleaseBranchInput input)
    {
        if (Held(input) is { } held)
        {
            return held;
        }

        var at = ShortCommit.Of(input.Commit);
        var push = refs.PushBranch(input.Branch, input.Commit);
        if (!push.IsAccepted && refs.BranchState(input.Branch, input.Commit) == ReleaseBranchState.Contains)
        {
            // Another run of the same promotion pushed it first: what this one wanted is there.
            log.Information("{0}/{1} already holds {2} (another run pushed it first).", remote, input.Branch, at);
            return new StepEffect(Step, false, $"{input.Branch} already holds {at}");
        }

        if (!push.IsAccepted)
        {
            throw new ReleaseException($"{remote} refused the release branch {input.Branch} at {at}: {push.Reason}; the image tags are set, and running the promotion again continues from here once the cause is fixed.");
        }

        var what = Describe(input);
        log.Information("Pushed {0} to {1}.", what, remote);
        return new StepEffect(Step, true, what);
    }

    private StepEffect? Held(ReleaseBranchInput input)
    {
        if (input.State != ReleaseBranchState.Contains)
        {
            return null;
        }

        var at = ShortCommit.Of(input.Commit);
        log.Information("{0}/{1} already holds {2}.", remote, input.Branch, at);
        return new StepEffect(Step, false, $"{input.Branch} already holds {at}");
    }

    private static string Describe(ReleaseBranchInput input) =>
        input.State == ReleaseBranchState.Absent ? $"{input.Branch} created at {ShortCommit.Of(input.Commit)}" : $"{input.Branch} fast-forwarded to {ShortCommit.Of(input.Commit)}";
}
