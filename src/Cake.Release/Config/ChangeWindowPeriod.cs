namespace Cake.Release.Config;

/// <summary>One stretch of time a <see cref="ChangeWindow"/> is in force, as instants.</summary>
/// <param name="Window">The window.</param>
/// <param name="Start">When it began (inclusive).</param>
/// <param name="End">When it ends (exclusive): the first moment promotions are let through again.</param>
public sealed record ChangeWindowPeriod(ChangeWindow Window, DateTimeOffset Start, DateTimeOffset End);
