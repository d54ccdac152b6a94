using System.Text;
using Cake.Release.Manifests;

namespace Cake.Release.GitOps;

/// <summary>
/// Reads one service's entry from successive texts of a manifest (a history, newest first), remembering the lines
/// it last read the entry from: the same lines again are the same entry, read once.
/// </summary>
internal sealed class ServiceEntryReader(string service)
{
    private byte[]? _lines;
    private ManifestEntry? _entry;

    /// <summary>
    /// The service's entry in <paramref name="text"/> (UTF-8) at <paramref name="commit"/>; <paramref name="full"/>
    /// reads the whole manifest whatever the lines say. <paramref name="where"/> names the file in errors.
    /// </summary>
    public ServiceRevision Read(string commit, ReadOnlySpan<byte> text, string where, bool full)
    {
        var (place, range) = ServiceEntryText.Find(text, service);
        var lines = text[range];
        if (!full && place == ServiceEntryPlace.Absent)
        {
            return new ServiceRevision(commit, null, null);
        }

        if (!full && place == ServiceEntryPlace.Found)
        {
            if (_lines is not null && lines.SequenceEqual(_lines))
            {
                return new ServiceRevision(commit, _entry, null);
            }

            if (Alone(lines, where) is { } entry)
            {
                Remember(lines, entry);
                return new ServiceRevision(commit, entry, null);
            }
        }

        try
        {
            var entry = EnvironmentManifest.Parse(Encoding.UTF8.GetString(text), where).Entry(service);
            if (place == ServiceEntryPlace.Found && entry is not null)
            {
                Remember(lines, entry);
            }
            else
            {
                _lines = null;
            }

            return new ServiceRevision(commit, entry, null);
        }
        catch (ManifestFormatException error)
        {
            _lines = null;
            return new ServiceRevision(commit, null, error);
        }
    }

    // The entry's lines read as a manifest of their own; null when they do not read so (the whole text then says
    // why, with the right line).
    private ManifestEntry? Alone(ReadOnlySpan<byte> lines, string where)
    {
        try
        {
            return EnvironmentManifest.Parse("environment: history\nservices:\n" + Encoding.UTF8.GetString(lines), where).Entry(service);
        }
        catch (ManifestFormatException)
        {
            return null;
        }
    }

    private void Remember(ReadOnlySpan<byte> lines, ManifestEntry entry) => (_lines, _entry) = (lines.ToArray(), entry);
}
