using Cake.Release.Hosting;

return new CakeHost()
    .AddAssembly(typeof(CakeHost).Assembly)
    .Run(args);
