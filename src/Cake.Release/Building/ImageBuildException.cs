namespace Cake.Release.Building;

/// <summary>One service's build or push failed: why, in a line, and the builder's last lines of output.</summary>
public sealed class ImageBuildException : ReleaseException
{
    /// <summary>Creates the failure of one service's build.</summary>
    /// <param name="service">The service.</param>
    /// <param name="reason">What failed, e.g. <c>buildah build exited with 1</c>.</param>
    /// <param name="lastLines">The builder's last lines of output (empty when no tool ran).</param>
    public ImageBuildException(string service, string reason, IReadOnlyList<string> lastLines)
        : base($"{service}: {reason}")
    {
        Service = service;
        Reason = reason;
        LastLines = lastLines;
    }

    /// <summary>The service whose build failed.</summary>
    public string Service { get; }

    /// <summary>What failed, in one line.</summary>
    public string Reason { get; }

    /// <summary>The builder's last lines of output.</summary>
    public IReadOnlyList<string> LastLines { get; }
}
