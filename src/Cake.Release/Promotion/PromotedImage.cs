using Cake.Release.Registry;

namespace Cake.Release.Promotion;

/// <summary>The two registry questions a promotion asks before changing anything: is the digest there, and what does the version's tag name.</summary>
internal static class PromotedImage
{
    public static RegistryFacts Facts(ImageReference repository, string digest, string? versionTag, RegistrySettings settings, string baseDirectory, Func<string, string?> environment)
    {
        try
        {
            using var store = ImageStores.Open(repository, settings, baseDirectory, environment);
            var found = store.ResolveAsync(repository.Repository, digest).GetAwaiter().GetResult();
            var tagged = versionTag is null ? null : store.ResolveAsync(repository.Repository, versionTag).GetAwaiter().GetResult();
            return new RegistryFacts(found is not null, tagged?.Digest);
        }
        catch (ReleaseException e)
        {
            return new RegistryFacts(null, null, e.Message);
        }
    }
}
