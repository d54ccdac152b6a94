namespace Benchmarks.Shared;

/// <summary>
/// The pipeline a whole-process row starts. A user's pipeline is the consumer's (examples/monorepo's build/,
/// published ReadyToRun by its build.sh), which benchmarks/consumer-pipeline.sh builds and names in
/// <c>CAKE_RELEASE_BENCH_PIPELINE</c>. Without it (the benchmark started without its script) the benchmark's own
/// executable hosts the pipeline, JIT-compiled and so slower to start; <see cref="Label"/> says which one ran, so
/// no table hides it.
/// </summary>
internal static class PipelineHost
{
    private static readonly string? Consumer = Environment.GetEnvironmentVariable("CAKE_RELEASE_BENCH_PIPELINE") is { Length: > 0 } path ? path : null;

    /// <summary>The executable to start.</summary>
    public static string File => Consumer ?? Environment.ProcessPath ?? throw new InvalidOperationException("no process path");

    /// <summary>Its arguments for a run with <paramref name="arguments"/>: the self-host needs "pipeline" first.</summary>
    public static string[] Arguments(params string[] arguments) => Consumer is null ? ["pipeline", .. arguments] : arguments;

    /// <summary>Which host the row's figures are of, for the row's name.</summary>
    public static string Label => Consumer is null ? "benchmark host, JIT" : "consumer pipeline, ReadyToRun";
}
