using System.Text;
using Cake.Release.Registry;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Registry;

/// <summary>skopeo, the independent reader and writer the interop tests check against.</summary>
public static class Skopeo
{
    /// <summary>The manifest bytes skopeo reads for <paramref name="image"/> (<c>docker://…</c> or <c>oci:…</c>).</summary>
    public static byte[] InspectRaw(string image)
    {
        var result = ProcessRun.Start("skopeo", ["inspect", "--raw", "--tls-verify=false", image]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return Encoding.UTF8.GetBytes(result.Output);
    }

    public static string DigestOf(string image) => ImageDigest.Of(InspectRaw(image));

    public static void Copy(string source, string destination, params string[] options)
    {
        var result = ProcessRun.Start("skopeo", ["copy", "--quiet", "--src-tls-verify=false", "--dest-tls-verify=false", .. options, source, destination]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
