using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks.Shared;

/// <summary>
/// A Cake context as a running pipeline has one (the engine's real services), its log quiet, for benchmarks that
/// call the aliases in-process. The library's own registration is internal to its host, so benchmarks list the
/// services here once.
/// </summary>
internal static class QuietCakeContext
{
    public static ICakeContext Create() => new ServiceCollection()
        .AddSingleton<ICakePlatform, CakePlatform>()
        .AddSingleton<ICakeRuntime, CakeRuntime>()
        .AddSingleton<ICakeEnvironment, CakeEnvironment>()
        .AddSingleton<IFileSystem, FileSystem>()
        .AddSingleton<IConsole, CakeConsole>()
        .AddSingleton<ICakeLog>(sp => new CakeBuildLog(sp.GetRequiredService<IConsole>(), Verbosity.Quiet))
        .AddSingleton<ICakeArguments>(new CakeArguments(Array.Empty<string>().ToLookup(a => a)))
        .AddSingleton<ICakeConfiguration>(new CakeConfiguration(new Dictionary<string, string>()))
        .AddSingleton<IGlobber, Globber>()
        .AddSingleton<IRegistry, WindowsRegistry>()
        .AddSingleton<IToolRepository, ToolRepository>()
        .AddSingleton<IToolResolutionStrategy, ToolResolutionStrategy>()
        .AddSingleton<IToolLocator, ToolLocator>()
        .AddSingleton<IToolInstaller, ToolInstaller>()
        .AddSingleton<IProcessRunner, ProcessRunner>()
        .AddSingleton<ICakeDataService, CakeDataService>()
        .AddSingleton<ICakeContext, CakeContext>()
        .BuildServiceProvider()
        .GetRequiredService<ICakeContext>();
}
