using Cake.Core;

namespace Cake.Release.Hosting;

/// <summary>The default context, and the base class for a pipeline's typed context (<see cref="CakeHost.UseContext{TContext}"/>).</summary>
public class FrostingContext(ICakeContext context) : CakeContextAdapter(context)
{
    /// <summary>True under <c>--dryrun</c>: report what would change, change nothing.</summary>
    public bool IsDryRun => this.IsDryRun();
}
