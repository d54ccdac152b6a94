namespace Cake.Release.Config;

/// <summary>What a promotion that ran less than <see cref="EnvironmentConfig.Soak"/> in its source meets (<c>soakPolicy:</c>).</summary>
public enum SoakPolicy
{
    /// <summary>It is refused (the default).</summary>
    Block,

    /// <summary>It passes with a warning, and its manifest commit and notification say the soak was short.</summary>
    Warn,
}
