using Cake.Core.Tooling;

namespace Cake.Release.Building;

/// <summary>The <c>docker</c> CLI as BuildOnce runs it (tool path, timeout, environment).</summary>
public sealed class DockerSettings : ToolSettings
{
}
