using Cake.Common;
using Cake.Core;
using Cake.Core.IO;
using Cake.Release.Hosting;

namespace Build;

/// <summary>What every task of this repository's pipeline needs to know; build.sh runs it from the repository root.</summary>
[TaskArgument("configuration")]
public sealed class BuildContext(ICakeContext context) : FrostingContext(context)
{
    public string BuildConfiguration { get; } = context.Argument("configuration", "Release");

    public DirectoryPath Root { get; } = context.Environment.WorkingDirectory;

    public FilePath Solution => Root.CombineWithFilePath("Cake.Release.slnx");

    public FilePath Library => Root.CombineWithFilePath("src/Cake.Release/Cake.Release.csproj");

    public DirectoryPath Artifacts => Root.Combine("artifacts");

    public DirectoryPath Packages => Artifacts.Combine("packages");

    public DirectoryPath TestResults => Artifacts.Combine("test-results");
}
