using Cake.Release.Yaml;

namespace Cake.Release.Manifests;

/// <summary>
/// Which <c>images:</c> entries of an overlay decide a service's image, as kustomize applies them: entries run in
/// file order, each on the containers whose image name equals its <c>name</c> at that point, and a <c>newName</c>
/// renames for the entries after it. A container is the service's when its name is one of the service's names before,
/// during or after that chain; the last entry acting on it sets its tag, so that is the entry to update. A container
/// no entry reaches gets an entry under the name it uses there.
/// </summary>
public static class ServiceImageEntries
{
    /// <summary>
    /// The names a container of the service may use: the full repository (<c>registry.example.com:5000/shop/catalog</c>),
    /// the image as release.yaml names it under the registry (<c>shop/catalog</c>), and its last segment (<c>catalog</c>).
    /// </summary>
    public static IReadOnlySet<string> NamesOf(string repository, string image)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(image);
        return new HashSet<string>([repository, image, image[(image.LastIndexOf('/') + 1)..]], StringComparer.Ordinal);
    }

    /// <summary>The entries to update and the names to add entries for.</summary>
    /// <param name="entries">The overlay's <c>images:</c> entries in file order.</param>
    /// <param name="imageNames">The image names the overlay's resources use (<see cref="KustomizationTree"/>).</param>
    /// <param name="serviceNames">The service's names (<see cref="NamesOf"/>).</param>
    public static ImageEntryPlan Plan(IReadOnlyList<KustomizeImage> entries, IEnumerable<string> imageNames, IReadOnlySet<string> serviceNames)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(imageNames);
        ArgumentNullException.ThrowIfNull(serviceNames);
        var update = new SortedSet<int>();
        var add = new List<string>();
        var rendered = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in imageNames.Distinct(StringComparer.Ordinal))
        {
            var (current, last, isService) = (name, -1, serviceNames.Contains(name));
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].Name.Length > 0 && entries[i].Name == current)
                {
                    last = i;
                    current = entries[i].NewName ?? current;
                    isService |= serviceNames.Contains(current);
                }
            }

            if (!isService)
            {
                continue;
            }

            rendered.Add(current);

            if (last >= 0)
            {
                update.Add(last);
            }
            else
            {
                add.Add(name);
            }
        }

        return new ImageEntryPlan(update.ToList(), add, rendered.ToList());
    }

    /// <summary>Entries that name the service by their <c>name</c> or <c>newName</c>: what is left to go by when the resources cannot be read.</summary>
    public static IReadOnlyList<int> Naming(IReadOnlyList<KustomizeImage> entries, IReadOnlySet<string> serviceNames)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(serviceNames);
        return Enumerable.Range(0, entries.Count)
            .Where(i => serviceNames.Contains(entries[i].Name) || entries[i].NewName is { } newName && serviceNames.Contains(newName))
            .ToList();
    }
}

/// <summary>The <c>images:</c> edits that make kustomize render a service's containers with its release.</summary>
/// <param name="Update">Indexes of the entries to set the tag and digest in.</param>
/// <param name="Add">Image names to add an entry for, after the others.</param>
/// <param name="RenderedNames">The names the service's containers end up with, for checking the rendered overlay.</param>
public sealed record ImageEntryPlan(IReadOnlyList<int> Update, IReadOnlyList<string> Add, IReadOnlyList<string> RenderedNames)
{
    /// <summary>True when no container of the service was found.</summary>
    public bool IsEmpty => Update.Count == 0 && Add.Count == 0;
}
