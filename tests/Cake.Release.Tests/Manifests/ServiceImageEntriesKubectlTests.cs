using Cake.Release.Manifests;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Yaml;
using Cake.Release.Yaml;

namespace Cake.Release.Tests.Manifests;

/// <summary>
/// The entries <see cref="ServiceImageEntries"/> picks are the ones kustomize applies: each layout is edited with the
/// plan, then rendered by the real <c>kubectl kustomize</c>. Containers named <c>svc-*</c> run the service and must come
/// out with the release; the others must render exactly as before the edit.
/// </summary>
public sealed class ServiceImageEntriesKubectlTests
{
    private const string Full = "registry.example.com:5000/shop/catalog";
    private const string Digest = "sha256:9f2c1a0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a";
    private const string Old = "sha256:0000000000000000000000000000000000000000000000000000000000000001";

    [Theory]
    // The entry named as the resources write it, with host, port and path.
    [InlineData("svc-a=registry.example.com:5000/shop/catalog:latest", "- name: registry.example.com:5000/shop/catalog\n  newTag: \"1.0\"\n", 0)]
    // Short name in the resources, renamed by the entry.
    [InlineData("svc-a=catalog,other-a=nginx:1.27", "- name: nginx\n  newTag: \"1.28\"\n- name: catalog\n  newName: registry.example.com:5000/shop/catalog\n", 0)]
    // A placeholder name only the entry's newName ties to the service.
    [InlineData("svc-a=app:dev", "- name: app\n  newName: registry.example.com:5000/shop/catalog\n  newTag: old\n", 0)]
    // Both spellings in the resources and no entry: one entry for each.
    [InlineData("svc-a=catalog,svc-b=registry.example.com:5000/shop/catalog:latest", "", 2)]
    // A chain: the first entry renames, the last sets the tag.
    [InlineData("svc-a=catalog,svc-b=registry.example.com:5000/shop/catalog", "- name: catalog\n  newName: registry.example.com:5000/shop/catalog\n- name: registry.example.com:5000/shop/catalog\n  newTag: \"1.0\"\n", 0)]
    // A stale entry under the full name while the resources use the short one.
    [InlineData("svc-a=catalog:latest", "- name: registry.example.com:5000/shop/catalog\n  newTag: \"1.0\"\n", 1)]
    // Look-alike names stay untouched; a digest in the resources is replaced.
    [InlineData("svc-a=registry.example.com:5000/shop/catalog@" + Old + ",other-a=registry.example.com:5000/shop/catalog-worker:1,other-b=registry.example.com/shop/catalog:1",
        "- name: registry.example.com:5000/shop/catalog\n  digest: " + Old + "\n", 0)]
    public void The_edited_overlay_renders_every_container_of_the_service_with_the_release(string containers, string images, int added)
    {
        using var folder = new TempFolder();
        var pods = containers.Split(',').Select(c => c.Split('=', 2)).ToList();
        Write(folder, "base/workload.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: shop\nspec:\n  initContainers:\n"
            + string.Concat(pods.Take(1).Select(p => $"    - name: init-{p[0]}\n      image: {p[1]}\n"))
            + "  containers:\n" + string.Concat(pods.Select(p => $"    - name: {p[0]}\n      image: {p[1]}\n")));
        Write(folder, "base/kustomization.yaml", "resources:\n  - workload.yaml\n");
        var overlay = "resources:\n  - ../../base\n" + (images.Length > 0 ? "images:\n" + images : "");
        Write(folder, "envs/prod/kustomization.yaml", overlay);
        var before = Render(folder);

        var entries = KustomizeImages.Entries(overlay);
        var input = KustomizationTree.Read("envs/prod", path => File.Exists(Path.Combine(folder.Path, path)) ? File.ReadAllText(Path.Combine(folder.Path, path)) : null);
        var plan = ServiceImageEntries.Plan(entries, input.ImageNames, ServiceImageEntries.NamesOf(Full, "catalog"));
        var release = new KustomizeImage("", NewTag: "9.9.9", Digest: Digest);
        var edited = plan.Update.Aggregate(overlay, (text, i) => KustomizeImages.SetEntry(text, i, release));
        edited = plan.Add.Aggregate(edited, (text, name) => KustomizeImages.AddEntry(text, release with { Name = name }));
        Write(folder, "envs/prod/kustomization.yaml", edited);
        var after = Render(folder);

        Assert.Empty(input.Unresolved);
        Assert.Equal(added, plan.Add.Count);
        Assert.Equal(entries.Count + added, KustomizeImages.Entries(edited).Count);
        foreach (var container in after)
        {
            var expected = container.Container.Contains("svc-", StringComparison.Ordinal)
                ? $"{(container.Image.StartsWith(Full, StringComparison.Ordinal) ? Full : "catalog")}:9.9.9@{Digest}"
                : before.Single(c => c.Container == container.Container).Image;
            Assert.Equal(expected, container.Image);
        }

        Assert.Equal(plan.RenderedNames.Order(), after.Where(c => c.Container.Contains("svc-", StringComparison.Ordinal)).Select(c => c.Name).Distinct().Order());
    }

    private static void Write(TempFolder folder, string path, string text)
    {
        var full = Path.Combine(folder.Path, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static IReadOnlyList<ContainerImage> Render(TempFolder folder)
    {
        var render = ProcessRun.Start("kubectl", ["kustomize", "envs/prod"], folder.Path);
        Assert.True(render.ExitCode == 0, render.ToString());
        return ContainerImages.In(render.Output);
    }
}
