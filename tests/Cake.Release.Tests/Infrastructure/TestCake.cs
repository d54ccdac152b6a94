using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Release.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Cake.Release.Tests.Infrastructure;

/// <summary>
/// A real Cake context (the engine's own services) for calling aliases in-process. Its working directory stays the
/// test process's: Cake's environment changes the process-wide current directory when told another, which parallel
/// tests would trip over, so tests hand aliases absolute paths instead.
/// </summary>
public static class TestCake
{
    public static ICakeContext Context(params string[] args) =>
        new ServiceCollection()
            .AddCakeEngine(HostOptions.Parse(args), new Dictionary<string, string>(), Verbosity.Quiet)
            .BuildServiceProvider()
            .GetRequiredService<ICakeContext>();
}
