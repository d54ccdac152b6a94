namespace Cake.Release.Tests.Infrastructure;

/// <summary>Where things are in this repository, from the tests' build output (artifacts/bin/Cake.Release.Tests/&lt;config&gt;/).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".."));

    /// <summary>The configuration the tests were built in ("Debug" or "Release"); the projects under test were built alike.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Name switch
    {
        "release" => "Release",
        _ => "Debug",
    };

    /// <summary>The dotnet host running the tests, so child processes need no PATH.</summary>
    public static string Dotnet { get; } = Environment.ProcessPath is { } path && System.IO.Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
