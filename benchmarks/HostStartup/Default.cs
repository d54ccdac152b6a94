using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Release.Hosting;

namespace HostStartup;

// The same line build.cake logs, so the benchmark stops both clocks on the same event.
public sealed class Default : FrostingTask
{
    public override void Run(ICakeContext context) => context.Information("first-task-line");
}
