namespace Cake.Release.Fragments;

/// <summary>The release record's table exists with another shape than the readers query: the table, not the network, is the problem.</summary>
public sealed class FragmentTableException : ReleaseException
{
    /// <summary>Creates the exception with its one-line message.</summary>
    public FragmentTableException(string message)
        : base(message)
    {
    }
}
