namespace Cake.Release.Building;

/// <summary>BuildOnce finished every service it could, and these failed; the message names each, in one line.</summary>
public sealed class BuildFailedException : ReleaseException
{
    /// <summary>Creates the summary of a run with failed builds.</summary>
    /// <param name="failures">The failed services, each with its reason.</param>
    /// <param name="total">How many services the run was asked for.</param>
    public BuildFailedException(IReadOnlyList<ImageBuildException> failures, int total)
        : base($"BuildOnce: {failures.Count} of {total} services failed: {string.Join("; ", failures.Select(f => f.Message))}. " +
               "Their builders' last lines are logged above; the other images were pushed and will not be rebuilt, so fix the failures and run BuildOnce again.")
    {
        Failures = failures;
    }

    /// <summary>The failed services, each with its reason and the builder's last lines.</summary>
    public IReadOnlyList<ImageBuildException> Failures { get; }
}
