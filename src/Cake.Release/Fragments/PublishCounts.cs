namespace Cake.Release.Fragments;

/// <summary>What one publish did with the facts it was given.</summary>
public sealed class PublishCounts
{
    /// <summary>Facts put into the table.</summary>
    public int Published { get; set; }

    /// <summary>Facts the table already held, unchanged: a re-run, or another pipeline published them first.</summary>
    public int AlreadyThere { get; set; }

    /// <summary>Items replaced by git's fact (<c>--verify</c>).</summary>
    public int Replaced { get; set; }

    /// <summary>Keys that hold another fact than git's, left as they are (a warning names each).</summary>
    public int Conflicts { get; set; }

    /// <summary>Adds <paramref name="other"/>'s counts to these.</summary>
    public void Add(PublishCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Published += other.Published;
        AlreadyThere += other.AlreadyThere;
        Replaced += other.Replaced;
        Conflicts += other.Conflicts;
    }
}
