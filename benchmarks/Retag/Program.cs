using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Benchmarks.Shared;
using Cake.Release.Registry;
using RetagBenchmark;

// Retag cost: Cake.Release's registry client in one process vs one `skopeo copy --preserve-digests` per retag,
// on a 1 KB and a 200 MB image in a loopback docker-registry; and, on the 1 KB image, ours as a whole process
// (--target=Retag) beside the floor of any retag, its two raw round trips (GET manifest, PUT manifest): sent with a
// plain HttpClient in this process, and as two curl processes. Prints figures; exit code 1 means a contender failed.
if (args.Length > 0 && args[0] == "pipeline")
{
    // The benchmark's own executable doubles as the pipeline, for runs without retag.sh (PipelineHost).
    return new Cake.Release.Hosting.CakeHost().AddAssembly(typeof(Cake.Release.Hosting.CakeHost).Assembly).Run(args[1..]);
}

var runs = 50;
if (args is ["--runs", var count] && int.TryParse(count, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
{
    runs = parsed;
}
else if (args.Length > 0)
{
    Console.Error.WriteLine("usage: Retag [--runs N]   (N > 0, default 50)");
    return 2;
}

using var registry = await BenchmarkRegistry.StartAsync();
using var store = ImageStores.Open(ImageReference.Parse($"{registry.Host}/bench/small"), environment: _ => null);
await PushAsync(store, "bench/small", 1024);
await PushAsync(store, "bench/large", 200 * 1024 * 1024);

using var pipeline = RetagPipeline.Create(registry.Host);
using var raw = new RawRetag(registry.Host);
var contenders = new List<(string Name, string Image, Func<string, Task> Retag)>
{
    ("ours, in-process", "1 KB", tag => OursAsync("bench/small", tag)),
    ("skopeo copy", "1 KB", tag => SkopeoAsync("bench/small", tag)),
    ("ours, in-process", "200 MB", tag => OursAsync("bench/large", tag)),
    ("skopeo copy", "200 MB", tag => SkopeoAsync("bench/large", tag)),
    ($"ours: --target=Retag, whole process ({PipelineHost.Label})", "1 KB", tag => pipeline.RetagAsync("small", tag)),
    ("raw GET + PUT, plain HttpClient, in-process", "1 KB", tag => raw.WithHttpClientAsync("bench/small", tag)),
    ("raw GET + PUT, two curl processes", "1 KB", tag => raw.WithCurlAsync("bench/small", tag)),
};

try
{
    // Untimed: JIT, the connection pool and skopeo's first start from a cold disk cache.
    foreach (var contender in contenders)
    {
        await contender.Retag($"warmup-{contenders.IndexOf(contender)}");
    }

    // Round-robin, so machine noise lands on every contender alike; each retag gets a tag of its own.
    var times = contenders.ToDictionary(c => c, _ => new List<double>());
    for (var run = 0; run < runs; run++)
    {
        for (var i = 0; i < contenders.Count; i++)
        {
            var clock = Stopwatch.StartNew();
            await contenders[i].Retag($"run-{run}-{i}");
            times[contenders[i]].Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    double Median(int i) => MedianOf(times[contenders[i]]);
    double MedianNamed(string name, string image) => Median(contenders.FindIndex(c => c.Name == name && c.Image == image));
    var table = new StringBuilder()
        .AppendLine(CultureInfo.InvariantCulture, $"{runs} retags each; in-process: one process and one HTTP client for all; whole process: one process per retag.")
        .AppendLine()
        .AppendLine("| Contender | Image | Median ms | Min ms | Total s | × skopeo, same image | × raw HttpClient |")
        .AppendLine("|---|---|---:|---:|---:|---:|---:|");
    var floor = MedianNamed("raw GET + PUT, plain HttpClient, in-process", "1 KB");
    for (var i = 0; i < contenders.Count; i++)
    {
        var list = times[contenders[i]];
        var peer = MedianNamed("skopeo copy", contenders[i].Image);
        table.AppendLine(CultureInfo.InvariantCulture,
            $"| {contenders[i].Name} | {contenders[i].Image} | {Median(i):F1} | {list.Min():F1} | {list.Sum() / 1000:F2} | {Median(i) / peer:F3}× | {Median(i) / floor:F2}× |");
    }

    var speedup = Median(1) / Median(0);
    var sizeRatio = Median(2) / Median(0);
    var overRaw = Median(0) / floor;
    table.AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"Goal ours ≥ 10× faster than skopeo (1 KB): {(speedup >= 10 ? "met" : "NOT met")} ({speedup:F0}×).")
        .AppendLine(CultureInfo.InvariantCulture, $"Goal ours 200 MB ≤ 1.2× ours 1 KB: {(sizeRatio <= 1.2 ? "met" : "NOT met")} ({sizeRatio:F2}×).")
        .AppendLine(CultureInfo.InvariantCulture, $"Goal ours in-process ≤ 1.2× the two raw round trips in-process (HttpClient, 1 KB): {(overRaw <= 1.2 ? "met" : "NOT met")} ({overRaw:F2}×).");
    Console.Write(table);
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or Cake.Release.ReleaseException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

async Task OursAsync(string repository, string tag)
{
    var source = ImageReference.Parse($"{registry.Host}/{repository}:build");
    var result = await ImageRetagger.RetagAsync(store, source, [tag], new HashSet<string>(), dryRun: false);
    if (result.Changes.Single().Action != TagAction.Created)
    {
        throw new InvalidOperationException($"ours: {tag} was not created");
    }
}

async Task SkopeoAsync(string repository, string tag)
{
    var info = new ProcessStartInfo("skopeo")
    {
        ArgumentList =
        {
            "copy", "--quiet", "--preserve-digests", "--src-tls-verify=false", "--dest-tls-verify=false",
            $"docker://{registry.Host}/{repository}:build", $"docker://{registry.Host}/{repository}:{tag}",
        },
        RedirectStandardError = true,
        RedirectStandardOutput = true,
    };
    using var process = Process.Start(info) ?? throw new InvalidOperationException("skopeo did not start");
    var error = process.StandardError.ReadToEndAsync();
    await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"skopeo copy exited {process.ExitCode}: {await error}");
    }
}

// A one-layer image whose layer is `size` random bytes, tagged "build". Random bytes: nothing can compress them away.
static async Task PushAsync(IImageStore store, string repository, int size)
{
    var layer = new byte[size];
    RandomNumberGenerator.Fill(layer);
    var config = Encoding.UTF8.GetBytes($$$"""{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["{{{ImageDigest.Of(layer)}}}"]}}""");
    await store.PutBlobAsync(repository, ImageDigest.Of(config), new MemoryStream(config));
    await store.PutBlobAsync(repository, ImageDigest.Of(layer), new MemoryStream(layer));
    var manifest = $$"""
        {"schemaVersion":2,"mediaType":"{{ManifestMediaTypes.OciManifest}}",
         "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{ImageDigest.Of(config)}}","size":{{config.Length}}},
         "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"{{ImageDigest.Of(layer)}}","size":{{layer.Length}}}]}
        """;
    await store.PutManifestAsync(repository, "build", new ImageManifest(ManifestMediaTypes.OciManifest, Encoding.UTF8.GetBytes(manifest)));
}

static double MedianOf(List<double> values)
{
    var sorted = values.Order().ToList();
    var middle = sorted.Count / 2;
    return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
