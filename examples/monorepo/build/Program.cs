using Cake.Release.Hosting;

// Every target the package offers (DeployDev, PromoteStaging, PromoteProduction, Rollback, ReleaseChart, Status, …),
// driven by release.yaml at the repository root. Add tasks of your own beside this file.
return new CakeHost()
    .AddAssembly(typeof(CakeHost).Assembly)
    .Run(args);
