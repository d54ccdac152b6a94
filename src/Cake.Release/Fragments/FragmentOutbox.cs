using System.Text.Json;

namespace Cake.Release.Fragments;

/// <summary>
/// For a person looking at a runner after a failed publish: <c>.release/outbox/&lt;environment&gt;.json</c> (and, for the release tags,
/// <c>_tags.json</c>) says what is waiting, where and why. It is a view, not the mechanism: what the table lacks is
/// the git history past the publish marks, which any later run publishes, on this runner or another. A successful
/// publish of the environment removes its file.
/// </summary>
internal sealed class FragmentOutbox(string repositoryRoot)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    private string Folder => Path.Combine(repositoryRoot, ".release", "outbox");

    /// <summary>Writes what this publish leaves waiting.</summary>
    public void Keep(string table, string repository, PublishInput input, DateTimeOffset at, string reason)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            Directory.CreateDirectory(Folder);
            var entries = input.Environments.Select(e => (Name: e.Name, (object)new { table, repository, environment = e.Name, branch = e.Branch, pending = "the manifest history on the branch past the table's publish mark", at = FragmentTime.Format(at), reason, by = input.Why }))
                .Concat(input.Tags ? [("_tags", new { table, repository, pending = "the release tags the table's tags mark has not seen", at = FragmentTime.Format(at), reason, by = input.Why })] : []);
            foreach (var (name, entry) in entries)
            {
                File.WriteAllText(Path.Combine(Folder, $"{name}.json"), JsonSerializer.Serialize(entry, Options) + "\n");
            }
        }
        catch (IOException)
        {
            // A view only: git holds what is waiting whether or not this file could be written.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Removes the file of <paramref name="environment"/> (null: the tags) once it is published.</summary>
    public void Clear(string? environment)
    {
        var file = Path.Combine(Folder, $"{environment ?? "_tags"}.json");
        if (File.Exists(file))
        {
            File.Delete(file);
        }
    }
}
