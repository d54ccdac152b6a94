using Cake.Core;

namespace Cake.Release.GitOps;

/// <summary>Who is moving a release: named explicitly, else the CI system's actor, else the git user, else the OS user.</summary>
internal static class Promoter
{
    // The variable each CI system sets to the person (or bot) that started the run.
    private static readonly string[] CiActors =
        ["GITHUB_ACTOR", "GITLAB_USER_LOGIN", "BUILD_REQUESTEDFOR", "BUILDKITE_BUILD_CREATOR", "CIRCLE_USERNAME", "TEAMCITY_BUILD_TRIGGEREDBY_USERNAME"];

    public static string Resolve(ICakeContext context, string? explicitName, Func<string?> gitUser)
    {
        if (!string.IsNullOrWhiteSpace(explicitName))
        {
            return explicitName.Trim();
        }

        var actor = CiActors.Select(context.Environment.GetEnvironmentVariable).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
        return actor ?? gitUser() ?? Environment.UserName;
    }
}
