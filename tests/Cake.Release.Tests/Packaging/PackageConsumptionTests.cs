using System.IO.Compression;
using System.Xml.Linq;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Packaging;

/// <summary>The package as a user gets it: one PackageReference (plus the Cake.Tool pin) is a working pipeline.</summary>
public sealed class PackageConsumptionTests(PackagedPipeline pipeline) : IClassFixture<PackagedPipeline>
{
    [Fact]
    public void The_package_carries_the_library_and_the_engine_references_but_no_engine_binaries()
    {
        Assert.True(pipeline.Pack.ExitCode == 0, pipeline.Pack.ToString());
        using var package = ZipFile.OpenRead(pipeline.Package);
        var entries = package.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("lib/net10.0/Cake.Release.dll", entries);
        Assert.Contains("buildTransitive/Cake.Release.props", entries);
        Assert.DoesNotContain(entries, e => e.EndsWith("Cake.Core.dll", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_package_carries_its_readme_license_xml_docs_description_and_tags()
    {
        Assert.True(pipeline.Pack.ExitCode == 0, pipeline.Pack.ToString());
        using var package = ZipFile.OpenRead(pipeline.Package);
        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
        Assert.Contains("lib/net10.0/Cake.Release.xml", entries);

        using var nuspecStream = package.Entries.Single(e => e.FullName == "Cake.Release.nuspec").Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? "";
        Assert.Equal("README.md", Field("readme"));
        Assert.Equal("MIT", Field("license"));
        Assert.Contains("promote", Field("description"), StringComparison.Ordinal);
        Assert.Contains("cake-addin", Field("tags").Split(' '));

        // The docs are the aliases' own: a user's IDE shows them.
        using var docs = package.Entries.Single(e => e.FullName == "lib/net10.0/Cake.Release.xml").Open();
        Assert.Contains(XDocument.Load(docs).Descendants("member"), m => ((string?)m.Attribute("name") ?? "").StartsWith("M:Cake.Release.Promotion.PromotionAliases.PromoteEnv", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pipeline_referencing_only_the_package_builds_and_runs_an_imported_task()
    {
        Assert.True(pipeline.Build.ExitCode == 0, pipeline.Build.ToString());

        var result = pipeline.Run(null);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"git\s+git version \d+", result.Output);
        Assert.True(result.Output.IndexOf("git version", StringComparison.Ordinal) < result.Output.IndexOf("The release tools are in place.", StringComparison.Ordinal), result.ToString());
    }

    [Fact]
    public void Doctor_fails_naming_the_package_to_install_when_git_is_missing()
    {
        Assert.True(pipeline.Build.ExitCode == 0, pipeline.Build.ToString());

        var result = pipeline.Run(new Dictionary<string, string> { ["PATH"] = pipeline.Directory }, "--target=Doctor");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error: git is not on PATH (change detection, release tags, GitOps manifests): install it, e.g. apt-get install git.", result.All);
    }
}
