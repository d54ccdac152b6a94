using Cake.Core;
using Cake.Release.Config;
using Cake.Release.Fragments;
using Cake.Release.Session;

namespace Cake.Release.Reporting;

/// <summary>Opens the reader <see cref="StatusSettings.Source"/> names, checking the settings that belong to it.</summary>
internal static class StatusReaders
{
    public static IStatusReader Open(ICakeContext context, StatusSettings settings)
    {
        var session = ReleaseSession.Of(context);
        if (settings.Source == StatusSource.Git)
        {
            if (settings.Repositories.Count > 0 || settings.Table is not null)
            {
                throw new ReleaseException($"Status: --{(settings.Table is null ? "repository" : "table")} reads the central release record; add --source=dynamodb (the git source is this repository's GitOps branches).");
            }

            var config = session.Config(settings.ConfigFile);
            // Named services are checked (an unknown one is refused, naming the closest) but rows keep the file's order.
            var named = settings.Services.Select(s => config.Service(s).Name).ToHashSet(StringComparer.Ordinal);
            var services = config.Services.Select(s => s.Name).Where(s => named.Count == 0 || named.Contains(s)).ToList();
            return new GitStatusReader(context, config, services, settings, session.Clock);
        }

        var path = settings.ConfigFile.MakeAbsolute(context.Environment).FullPath;
        var found = File.Exists(path) ? session.Config(settings.ConfigFile) : null;
        var table = settings.Table ?? found?.Publish?.Table ?? throw new ReleaseException(found is null
            ? $"Status --source=dynamodb: no {path} to read publish: from; pass --table=ReleaseFragments (and --region=<aws region>), or run it in a repository with publish: in release.yaml."
            : $"Status --source=dynamodb: {path} has no publish: section naming the table; add publish: {{ dynamodb: ReleaseFragments }} there, or pass --table=ReleaseFragments.");
        if (!(table.Length is >= 3 and <= 255 && table.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')))
        {
            throw new ReleaseException($"Status: --table={table} is not a DynamoDB table name; use 3 to 255 letters, digits, _ - or ., e.g. --table=ReleaseFragments.");
        }

        var publish = new PublishConfig { Table = table, Region = settings.Region ?? found?.Publish?.Region };
        var client = FragmentConnection.Open(session, publish);
        var where = client.Config.ServiceURL is { Length: > 0 } endpoint ? $"endpoint {endpoint.TrimEnd('/')}"
            : client.Config.RegionEndpoint is { } region ? $"region {region.SystemName}"
            : "the AWS default chain's region";
        return new TableStatusReader(client, new FragmentReader(client, table, where), [.. settings.Environments], found?.Environments, session.Clock);
    }

    /// <summary>The view the settings ask for; on the git source, services were narrowed by the reader already.</summary>
    public static StatusFilter Filter(StatusSettings settings) => new()
    {
        Versions = [.. settings.Versions],
        Kinds = [.. settings.Kinds],
        Environments = [.. settings.Environments],
        Repositories = [.. settings.Repositories],
        Services = settings.Source == StatusSource.Git ? [] : [.. settings.Services],
    };

    /// <summary>Where artifacts/ goes: the repository root of release.yaml, else (the record read without one) the working directory.</summary>
    public static string OutputRoot(ICakeContext context, StatusSettings settings)
    {
        var path = settings.ConfigFile.MakeAbsolute(context.Environment).FullPath;
        return File.Exists(path) ? ReleaseSession.Of(context).Config(settings.ConfigFile).RepositoryRoot : context.Environment.WorkingDirectory.FullPath;
    }
}
