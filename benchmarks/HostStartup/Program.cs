using Cake.Release.Hosting;

return new CakeHost().Run(args);
