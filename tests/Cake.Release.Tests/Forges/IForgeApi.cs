using System.Collections.Specialized;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// One forge's REST API as the emulator serves it: how a request names its token, what each operation does to the
/// <see cref="ForgeProject"/>, and how the forge words its refusals. Routing and validation are the emulator's.
/// </summary>
internal interface IForgeApi
{
    /// <summary>"github" or "gitlab".</summary>
    string Kind { get; }

    /// <summary>The path prefix of the API on the emulator's root: "" (GitHub) or "/api/v4" (GitLab).</summary>
    string ApiPrefix { get; }

    /// <summary>A request path as the description's templates write it, or null when it is not below the API.</summary>
    string? DescribedPath(string path);

    OpenApiDescription Description { get; }

    /// <summary>How this forge's personal access tokens start ("ghp_", "glpat-").</summary>
    string TokenPrefix { get; }

    string? Token(NameValueCollection headers);

    /// <summary>The answer to a valid, authenticated call; null when the emulator does not serve that operation.</summary>
    ForgeAnswer? Serve(ForgeCall call);

    ForgeAnswer Unauthorized();

    ForgeAnswer NotFound(OpenApiOperation? operation);

    /// <summary>The forge's answer to a request its description does not allow (GitHub 422, GitLab 400).</summary>
    ForgeAnswer Rejected(OpenApiOperation operation, IReadOnlyList<string> problems);

    /// <summary>The web address of a pull request.</summary>
    string WebUrl(PullRequestRecord pull);
}
