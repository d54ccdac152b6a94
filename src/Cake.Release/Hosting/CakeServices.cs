using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Cake.Release.Registry;
using Cake.Release.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Cake.Release.Hosting;

/// <summary>The Cake engine's services, registered the way a Cake run needs them.</summary>
internal static class CakeServices
{
    public static IServiceCollection AddCakeEngine(
        this IServiceCollection services,
        HostOptions options,
        IReadOnlyDictionary<string, string> settings,
        Verbosity verbosity)
    {
        services.AddSingleton<ICakePlatform, CakePlatform>();
        services.AddSingleton<ICakeRuntime, CakeRuntime>();
        services.AddSingleton<ICakeEnvironment, CakeEnvironment>();
        services.AddSingleton<IFileSystem, FileSystem>();
        var colors = OutputColorsPolicy.FromProcess();
        services.AddSingleton<CakeConsole>();
        services.AddSingleton<IConsole>(sp => new ColorAwareConsole(sp.GetRequiredService<CakeConsole>(), colors));
        services.AddSingleton(_ => OutputColorsPolicy.Spectre(colors));
        services.AddSingleton(sp => Redactor(sp.GetRequiredService<ICakeEnvironment>()));
        services.AddSingleton<ICakeLog>(sp => new RedactingLog(new CakeBuildLog(sp.GetRequiredService<IConsole>(), verbosity), sp.GetRequiredService<SecretRedactor>()));
        services.AddSingleton<ICakeArguments>(new CakeArguments(options.Arguments));
        services.AddSingleton<ICakeConfiguration>(new CakeConfiguration(settings.ToDictionary(StringComparer.OrdinalIgnoreCase)));
        services.AddSingleton<IGlobber, Globber>();
        services.AddSingleton<IRegistry, WindowsRegistry>();
        services.AddSingleton<IToolRepository, ToolRepository>();
        services.AddSingleton<IToolResolutionStrategy, ToolResolutionStrategy>();
        services.AddSingleton<IToolLocator, ToolLocator>();
        services.AddSingleton<IToolInstaller, ToolInstaller>();
        services.AddSingleton<IProcessRunner, ProcessRunner>();
        services.AddSingleton<CakeDataService>();
        services.AddSingleton<ICakeDataService>(sp => sp.GetRequiredService<CakeDataService>());
        services.AddSingleton<ICakeEngine, CakeEngine>();
        services.AddSingleton<ICakeContext, CakeContext>();
        return services;
    }

    // Known before the first line is logged: the credential variables, and what a docker login left on disk.
    private static SecretRedactor Redactor(ICakeEnvironment environment)
    {
        var redactor = SecretRedactor.FromEnvironment(environment.GetEnvironmentVariables().AsReadOnly());
        foreach (var secret in RegistryCredentials.Secrets(environment.GetEnvironmentVariable))
        {
            redactor.Learn(secret);
        }

        return redactor;
    }
}
