using Amazon.DynamoDBv2.Model;
using S = Cake.Release.Fragments.FragmentSchema;

namespace Cake.Release.Fragments;

/// <summary>A <see cref="ReleaseFragment"/> as a table item and back (<see cref="FragmentSchema"/> names the attributes).</summary>
internal static class FragmentItems
{
    /// <summary>The item of <paramref name="fragment"/>; <paramref name="current"/> marks it as what runs in its environment now.</summary>
    public static Dictionary<string, AttributeValue> Item(ReleaseFragment fragment, bool current)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [S.Version] = Text(fragment.Version),
            [S.Component] = Text(fragment.SortKey),
            [S.Kind] = Text(fragment.Kind),
            [S.Repository] = Text(fragment.Repository),
            [S.Service] = Text(fragment.Service),
            [S.ComponentId] = Text(fragment.ComponentId),
            [S.At] = Text(FragmentTime.Format(fragment.At)),
            [S.Action] = Text(fragment.Action),
            [S.Record] = Text(fragment.Record),
        };
        Optional(item, S.Environment, fragment.Environment);
        Optional(item, S.Commit, fragment.Commit);
        Optional(item, S.Image, fragment.Image);
        Optional(item, S.Digest, fragment.Digest);
        Optional(item, S.ChartVersion, fragment.ChartVersion);
        Optional(item, S.From, fragment.From);
        Optional(item, S.By, fragment.By);
        Optional(item, S.Tag, fragment.Tag);
        if (fragment.ApprovedBy.Count > 0)
        {
            item[S.ApprovedBy] = new AttributeValue { L = [.. fragment.ApprovedBy.Select(Text)] };
        }

        if (current && fragment.Environment is { } environment)
        {
            item[S.Current] = Text(environment);
        }

        return item;
    }

    /// <summary>The fragment an item holds, or null when it is not one (a publish mark, or an item missing a key attribute).</summary>
    public static ReleaseFragment? Fragment(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (Read(item, S.Version) is not { } version || version.StartsWith('#')
            || Read(item, S.Kind) is not { } kind || Read(item, S.Repository) is not { } repository || Read(item, S.Service) is not { } service
            || FragmentTime.Parse(Read(item, S.At)) is not { } at || Read(item, S.Action) is not { } action || Read(item, S.Record) is not { } record)
        {
            return null;
        }

        return new ReleaseFragment
        {
            Version = version,
            Kind = kind,
            Repository = repository,
            Service = service,
            Environment = Read(item, S.Environment),
            At = at,
            Action = action,
            Record = record,
            Commit = Read(item, S.Commit),
            Image = Read(item, S.Image),
            Digest = Read(item, S.Digest),
            ChartVersion = Read(item, S.ChartVersion),
            From = Read(item, S.From),
            By = Read(item, S.By),
            Tag = Read(item, S.Tag),
            ApprovedBy = item.TryGetValue(S.ApprovedBy, out var list) && list.L is { } values ? [.. values.Select(v => v.S).OfType<string>()] : [],
        };
    }

    /// <summary>True when the item is its component's newest fact in its environment.</summary>
    public static bool IsCurrent(IReadOnlyDictionary<string, AttributeValue> item) => Read(item, S.Current) is not null;

    /// <summary>The text attribute <paramref name="name"/>, or null.</summary>
    public static string? Read(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    /// <summary>A text attribute value.</summary>
    public static AttributeValue Text(string value) => new() { S = value };

    private static void Optional(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        // DynamoDB refuses empty strings in key attributes of indexes; an absent fact is an absent attribute.
        if (!string.IsNullOrEmpty(value))
        {
            item[name] = Text(value);
        }
    }
}
