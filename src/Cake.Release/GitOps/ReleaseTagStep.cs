using Cake.Core.Diagnostics;

namespace Cake.Release.GitOps;

/// <summary>An annotated tag to leave on the remote (a release tag or an environment's milestone tag).</summary>
/// <param name="Step">release-tag or milestone-tag, as the effect and the log name it.</param>
/// <param name="Tag">The tag's name.</param>
/// <param name="Commit">The commit it marks.</param>
/// <param name="Message">The annotation.</param>
/// <param name="Exists">Whether the remote has the tag already.</param>
internal sealed record ReleaseTagInput(string Step, string Tag, string Commit, string Message, bool Exists);

/// <summary>Pushes an annotated tag that the remote does not have yet; a tag never moves.</summary>
internal sealed class ReleaseTagStep(ICakeLog log, ReleaseRefs refs, string remote) : IReleaseStep<ReleaseTagInput, StepEffect>
{
    public StepEffect Plan(ReleaseTagInput input)
    {
        if (Held(input) is { } held)
        {
            return held;
        }

        log.Information("Dry run: would push the annotated tag {0} on {1} (git push {2} refs/tags/{0}).", input.Tag, ShortCommit.Of(input.Commit), remote);
        return new StepEffect(input.Step, true, $"{input.Tag} at {ShortCommit.Of(input.Commit)}");
    }

    public StepEffect Apply(ReleaseTagInput input)
    {
        if (Held(input) is { } held)
        {
            return held;
        }

        var at = ShortCommit.Of(input.Commit);
        var push = refs.PushTag(input.Tag, input.Commit, input.Message);
        if (!push.IsAccepted && refs.RemoteTags().Any(t => t.Name == input.Tag && t.Commit == input.Commit))
        {
            // Another run of the same promotion pushed it first: what this one wanted is there.
            log.Information("{0}: the tag {1} is already on {2} (another run pushed it first).", input.Step, input.Tag, remote);
            return new StepEffect(input.Step, false, $"{input.Tag} already on {remote}");
        }

        if (!push.IsAccepted)
        {
            throw new ReleaseException($"{remote} refused the tag {input.Tag} on {at}: {push.Reason}; the steps before it are done, and running the promotion again continues from here once the cause is fixed.");
        }

        log.Information("Tagged {0} ({1}) and pushed it to {2}.", input.Tag, at, remote);
        return new StepEffect(input.Step, true, $"{input.Tag} at {at}");
    }

    private StepEffect? Held(ReleaseTagInput input)
    {
        if (!input.Exists)
        {
            return null;
        }

        log.Information("{0}: the tag {1} is already on {2}.", input.Step, input.Tag, remote);
        return new StepEffect(input.Step, false, $"{input.Tag} already on {remote}");
    }
}
