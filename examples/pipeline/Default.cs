using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Release.Hosting;
using Cake.Release.Tasks;

/// <summary>A task of the pipeline's own, after one it imports from the package.</summary>
[IsDependentOn(typeof(DoctorTask))]
public sealed class Default : FrostingTask
{
    public override void Run(ICakeContext context) => context.Log.Information("The release tools are in place.");
}
