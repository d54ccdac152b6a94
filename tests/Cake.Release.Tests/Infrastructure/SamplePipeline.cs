namespace Cake.Release.Tests.Infrastructure;

/// <summary>The fixture pipeline (tests/Fixtures/SamplePipeline), run from its build output as a real process.</summary>
public static class SamplePipeline
{
    // Test output is artifacts/bin/Cake.Release.Tests/<config>/; the fixture's is artifacts/bin/SamplePipeline/<config>/.
    private static readonly string Assembly = System.IO.Path.GetFullPath(System.IO.Path.Combine(
        AppContext.BaseDirectory, "..", "..", "SamplePipeline", new DirectoryInfo(AppContext.BaseDirectory).Name, "SamplePipeline.dll"));

    public static ProcessResult Run(params string[] args) => RunIn(null, args);

    public static ProcessResult RunIn(string? workingDirectory, params string[] args)
    {
        Assert.True(File.Exists(Assembly), $"fixture not built: {Assembly}");
        return ProcessRun.Start("dotnet", [Assembly, .. args], workingDirectory);
    }
}
