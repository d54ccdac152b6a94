using Cake.Release.Hosting;

return new CakeHost()
    .AddAssembly(typeof(CakeHost).Assembly) // Cake.Release's own tasks, e.g. Doctor
    .Run(args);
