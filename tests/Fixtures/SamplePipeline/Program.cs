using Cake.Release.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SamplePipeline;

// --scenario picks how the host is configured, so one fixture covers import, replace and remove. It is this
// program's option, not the tasks': the host never sees it.
var scenario = args.FirstOrDefault(a => a.StartsWith("--scenario=", StringComparison.Ordinal))?["--scenario=".Length..] ?? "plain";
args = args.Where(a => !a.StartsWith("--scenario=", StringComparison.Ordinal)).ToArray();
var host = new CakeHost()
    .UseContext<SampleContext>()
    .UseLifetime<SampleLifetime>()
    .UseTaskLifetime<SampleTaskLifetime>()
    .UseSetting("Sample_Setting", "from UseSetting")
    .ConfigureServices(services => services.AddSingleton(new Greeting("hello from DI")));

var imported = typeof(ImportedTasks.ImportedGreet).Assembly;
switch (scenario)
{
    case "plain":
        break;
    case "import-duplicate":
        host.AddAssembly(imported);
        break;
    case "import-replace":
        host.AddAssembly(imported).ReplaceTask<LocalGreet>();
        break;
    case "import-remove":
        host.AddAssembly(imported).RemoveTask("Greet");
        break;
    case "remove-typo":
        host.AddAssembly(imported).ReplaceTask<LocalGreet>().RemoveTask("Publsh");
        break;
    case "replace-nothing":
        host.ReplaceTask<Docs>();
        break;
    case "nested-working":
        host.UseWorkingDirectory("nested");
        break;
    case "wrong-context":
        host.UseContext<Cake.Release.Hosting.FrostingContext>();
        break;
    default:
        Console.Error.WriteLine($"unknown scenario {scenario}");
        return 2;
}

return host.Run(args);
