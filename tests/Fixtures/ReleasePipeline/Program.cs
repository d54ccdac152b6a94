using Cake.Release.Hosting;

// --scenario=extended adds the pipeline's own tasks (InsertedTasks.cs) to Cake.Release's graphs, as a user's
// pipeline would; without it the pipeline is the smallest one a user writes. It is this program's option, not the
// tasks': the host never sees it.
var extended = args.Contains("--scenario=extended");
var host = new CakeHost().AddAssembly(typeof(CakeHost).Assembly);
if (!extended)
{
    host.RemoveTask("SmokeTestDev").RemoveTask("ScanBeforeRetag");
}

return host.Run(args.Where(a => a != "--scenario=extended").ToArray());
