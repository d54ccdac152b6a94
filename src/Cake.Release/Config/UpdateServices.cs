namespace Cake.Release.Config;

/// <summary>Which services an <c>updates:</c> entry is written for (<c>for:</c>).</summary>
public enum UpdateServices
{
    /// <summary><c>for: images</c>, the default: services with an image (what every update was before chart-only services).</summary>
    Images,

    /// <summary><c>for: charts</c>: chart-only services (<c>image: false</c>), whose chart version it pins.</summary>
    Charts,

    /// <summary><c>for: all</c>: every service.</summary>
    All,
}
