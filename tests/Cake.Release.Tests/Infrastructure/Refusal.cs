namespace Cake.Release.Tests.Infrastructure;

/// <summary>How every refused run must look: exit code 1, the error on one line, and no task body run.</summary>
public static class Refusal
{
    public static void AssertRefused(this ProcessResult result, string message)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"Error: {message}", result.All);
        Assert.Single(result.All.Split('\n'), line => line.StartsWith("Error:", StringComparison.Ordinal));
        Assert.Empty(result.Ran);
    }
}
