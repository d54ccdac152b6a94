namespace Cake.Release.Tests.Infrastructure;

/// <summary>A clock that always says <paramref name="now"/>, for a release session whose timestamps a test decides.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
