namespace Cake.Release.Manifests;

/// <summary>What a byte search of a manifest's text says about one service's entry (<see cref="ServiceEntryText"/>).</summary>
internal enum ServiceEntryPlace
{
    /// <summary>The text is not one the search vouches for: read the whole manifest.</summary>
    Unknown,

    /// <summary>The service's name is nowhere in the text: it has no entry.</summary>
    Absent,

    /// <summary>The entry's lines were found.</summary>
    Found,
}
