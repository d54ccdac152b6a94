using Cake.Core;

namespace Cake.Release.GitOps;

/// <summary>Who is moving a release: named explicitly, else the CI system's actor, else the git user, else the OS user.</summary>
internal static class Promoter
{
    // The variable each CI system sets to the person (or bot) that started the run.
    private static readonly string[] CiActors =
        ["GITHUB_ACTOR", "GITLAB_USER_LOGIN", "BUILD_REQUESTEDFOR", "BUILDKITE_BUILD_CREATOR", "CIRCLE_USERNAME", "TEAMCITY_BUILD_TRIGGEREDBY_USERNAME"];

    /// <summary>The promoter, refused when it is not one line of text, whichever source it came from.</summary>
    public static string Resolve(ICakeContext context, string? explicitName, Func<string?> gitUser)
    {
        if (!string.IsNullOrWhiteSpace(explicitName))
        {
            return AuditText.OneLine(explicitName.Trim(), "--by");
        }

        foreach (var variable in CiActors)
        {
            if (context.Environment.GetEnvironmentVariable(variable) is { } actor && !string.IsNullOrWhiteSpace(actor))
            {
                return AuditText.OneLine(actor.Trim(), $"The CI actor {variable}");
            }
        }

        return gitUser() is { } user ? AuditText.OneLine(user, "git config user.name") : AuditText.OneLine(Environment.UserName, "The user name");
    }
}
