namespace Cake.Release;

/// <summary>
/// One step of a release: retag, release branch, release tag, manifest, milestone tag, notify. It takes a typed
/// input, says what it would change without changing it (<see cref="Plan"/>, a dry run), and changes only what is
/// missing (<see cref="Apply"/>), so applying it again after success, or after a failure anywhere, completes the
/// release without doing anything twice.
/// </summary>
internal interface IReleaseStep<in TInput, out TOutcome>
{
    /// <summary>What <see cref="Apply"/> would change; changes nothing.</summary>
    TOutcome Plan(TInput input);

    /// <summary>Changes what is missing and returns what it changed.</summary>
    TOutcome Apply(TInput input);
}
