namespace Cake.Release.Config;

/// <summary>Where a promotion into an environment is announced (<c>environments.&lt;env&gt;.notify[]</c>).</summary>
/// <param name="Kind">What receives it: <c>teams</c>, <c>slack</c> or <c>webhook</c>.</param>
/// <param name="Url">The webhook URL: a secret, resolved only when notifying.</param>
public sealed record NotifyTarget(string Kind, ConfigValue Url)
{
    /// <summary>The kinds of target <c>notify:</c> accepts.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["teams", "slack", "webhook"];
}
