using Cake.Release.Config;
using Cake.Release.Init;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Init;

/// <summary>
/// Init on any folder, in-process, and the written file loaded back as the tasks load it. Reusable for any repository
/// (the examples too): pass another file name to leave an existing release.yaml alone.
/// </summary>
public static class InitRun
{
    public static (InitResult Result, ReleaseConfig Config) WriteAndLoad(string repository, string configFile = "release.yaml")
    {
        var result = TestCake.Context().Init(new InitSettings { Root = repository, ConfigFile = configFile });
        Assert.True(result.Written);
        Assert.Equal(result.Text, File.ReadAllText(Path.Combine(repository, configFile)));
        return (result, ReleaseConfigLoader.Load(Path.Combine(repository, configFile)));
    }
}
