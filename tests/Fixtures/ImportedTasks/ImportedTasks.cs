using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Release.Hosting;

namespace ImportedTasks;

[TaskName("Greet")]
[TaskDescription("Imported greeting")]
public sealed class ImportedGreet : FrostingTask
{
    public override void Run(ICakeContext context) => context.Log.Information("ran:ImportedGreet");
}

[TaskName("Publish")]
[TaskDescription("Imported publish, after Greet")]
[IsDependentOn(typeof(ImportedGreet))]
public sealed class ImportedPublish : FrostingTask
{
    public override void Run(ICakeContext context) => context.Log.Information("ran:ImportedPublish");
}
