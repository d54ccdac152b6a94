using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Packaging;

/// <summary>
/// Packs Cake.Release and builds a throwaway pipeline outside the repository that references only
/// that package (and pins Cake.Tool), as a user's pipeline does. Built once for the test class.
/// </summary>
public sealed class PackagedPipeline : IDisposable
{
    public PackagedPipeline()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("cake-release-consumer-").FullName;
        Feed = System.IO.Path.Combine(Directory, "feed");
        var project = System.IO.Path.Combine(Directory, "pipeline");
        System.IO.Directory.CreateDirectory(project);

        // A version of its own, so the NuGet cache can never serve a package packed by an earlier run.
        Version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        Pack = Dotnet("pack", System.IO.Path.Combine(RepositoryPaths.Root, "src", "Cake.Release", "Cake.Release.csproj"),
            "--configuration", RepositoryPaths.Configuration, "--no-build", "--output", Feed, $"-p:PackageVersion={Version}");
        Package = System.IO.Path.Combine(Feed, $"Cake.Release.{Version}.nupkg");

        File.WriteAllText(System.IO.Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(project, ".config"));
        File.Copy(System.IO.Path.Combine(RepositoryPaths.Root, ".config", "dotnet-tools.json"), System.IO.Path.Combine(project, ".config", "dotnet-tools.json"));
        File.WriteAllText(System.IO.Path.Combine(project, "Pipeline.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Cake.Release" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(System.IO.Path.Combine(project, "Program.cs"), """
            using Cake.Core;
            using Cake.Core.Diagnostics;
            using Cake.Release.Hosting;

            return new CakeHost()
                .AddAssembly(typeof(CakeHost).Assembly)
                .Run(args);

            [IsDependentOn(typeof(Cake.Release.Tasks.DoctorTask))]
            public sealed class Default : FrostingTask
            {
                public override void Run(ICakeContext context) => context.Log.Information("own task ran after the imported one");
            }
            """);

        Build = Dotnet("build", project, "--output", System.IO.Path.Combine(Directory, "out"));
        Assembly = System.IO.Path.Combine(Directory, "out", "Pipeline.dll");
    }

    public string Directory { get; }

    public string Feed { get; }

    public string Version { get; }

    public string Package { get; }

    public string Assembly { get; }

    public ProcessResult Pack { get; }

    public ProcessResult Build { get; }

    public ProcessResult Run(IDictionary<string, string>? environment, params string[] args) =>
        ProcessRun.Start(RepositoryPaths.Dotnet, [Assembly, .. args], Directory, environment);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private ProcessResult Dotnet(params string[] args) =>
        ProcessRun.Start(RepositoryPaths.Dotnet, args, Directory, timeout: TimeSpan.FromMinutes(5));
}
