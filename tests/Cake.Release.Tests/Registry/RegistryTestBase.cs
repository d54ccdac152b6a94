using Cake.Release.Registry;

namespace Cake.Release.Tests.Registry;

/// <summary>A real registry per test class instance, and stores opened on it without the machine's docker login.</summary>
public abstract class RegistryTestBase : IDisposable
{
    private readonly string _emptyDockerConfig = Directory.CreateTempSubdirectory("cake-release-docker-").FullName;

    protected RegistryTestBase(string? user = null, string? password = null, bool accessLog = false) => Registry = LocalRegistry.Start(user, password, accessLog);

    protected LocalRegistry Registry { get; }

    /// <summary>Tiny waits, so a test of retries spends milliseconds, not the default seconds.</summary>
    protected static RegistrySettings Quick(int attempts = 3) => new()
    {
        MaxAttempts = attempts,
        InitialDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(100),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    protected ImageReference Image(string repositoryAndTag = "acme/blue") => ImageReference.Parse($"{Registry.Host}/{repositoryAndTag}");

    protected IImageStore Open(RegistrySettings? settings = null, IReadOnlyDictionary<string, string>? environment = null) =>
        ImageStores.Open(Image(), settings ?? Quick(), environment: Environment(environment));

    /// <summary>Only the variables given, and a docker config folder of the test's own: the machine's login never leaks in.</summary>
    protected Func<string, string?> Environment(IReadOnlyDictionary<string, string>? variables = null) =>
        name => variables?.GetValueOrDefault(name) ?? (name == "DOCKER_CONFIG" ? _emptyDockerConfig : null);

    protected string Docker(string repositoryAndReference) => $"docker://{Registry.Host}/{repositoryAndReference}";

    public virtual void Dispose()
    {
        Registry.Dispose();
        Directory.Delete(_emptyDockerConfig, recursive: true);
        GC.SuppressFinalize(this);
    }
}
