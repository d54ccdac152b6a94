using System.Text.Json;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Interop;

/// <summary>
/// The independent implementations in tests/Interop (node-semver, conventional-commits-parser, pinned by its
/// package-lock.json; the TestTools target runs <c>npm ci</c> there), asked through tests/Interop/compare.mjs: one node
/// process per request, the request as JSON on stdin, the answer as JSON on stdout.
/// </summary>
public static class NodeInterop
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "Interop");

    public static JsonElement Ask(object request)
    {
        Assert.True(Directory.Exists(Path.Combine(Folder, "node_modules")), $"{Folder}/node_modules is missing: run ./build.sh --target=TestTools (it runs npm ci there).");
        var result = ProcessRun.Start("node", ["compare.mjs"], Folder, input: JsonSerializer.Serialize(request), timeout: TimeSpan.FromMinutes(1));
        Assert.True(result.ExitCode == 0, $"node compare.mjs failed: {result}");
        return JsonDocument.Parse(result.Output).RootElement;
    }
}
