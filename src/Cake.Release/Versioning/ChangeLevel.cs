namespace Cake.Release.Versioning;

/// <summary>How much a set of changes moves a version, lowest first.</summary>
public enum ChangeLevel
{
    /// <summary>No change at all: nothing to release.</summary>
    None,

    /// <summary>Fixes and anything else that is not a feature.</summary>
    Patch,

    /// <summary>At least one feature.</summary>
    Minor,

    /// <summary>At least one breaking change.</summary>
    Major,
}
