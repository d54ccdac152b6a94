using Build;
using Cake.Release.Hosting;

return new CakeHost()
    .UseContext<BuildContext>()
    .Run(args);
