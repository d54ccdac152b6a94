using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Cake.Release.Config;
using Cake.Release.Secrets;
using Cake.Release.Session;

namespace Cake.Release.Fragments;

/// <summary>
/// Opens the release record's table for a run: credentials from the AWS default chain (environment, profile, web
/// identity in CI, container and instance roles), <c>AWS_ENDPOINT_URL_DYNAMODB</c> (else <c>AWS_ENDPOINT_URL</c>) for a
/// local endpoint, and the SDK's standard retry mode, which backs off and retries throttling and 5xx answers. The
/// credentials found in the environment are taught to the run's redactor before the first call.
/// </summary>
internal static class FragmentConnection
{
    /// <summary>How many times one request is retried on throttling or a 5xx before the run is told.</summary>
    public const int Retries = 6;

    public static AmazonDynamoDBClient Open(ReleaseSession session, PublishConfig publish)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(publish);
        foreach (var secret in new[] { "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN" })
        {
            if (session.Variable(secret) is { Length: > 0 } value)
            {
                session.Log.KeepSecret(value);
            }
        }

        var config = new AmazonDynamoDBConfig
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = Retries,
            Timeout = TimeSpan.FromSeconds(20),
        };
        if ((session.Variable("AWS_ENDPOINT_URL_DYNAMODB") ?? session.Variable("AWS_ENDPOINT_URL")) is { Length: > 0 } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = publish.Region ?? session.Variable("AWS_REGION") ?? session.Variable("AWS_DEFAULT_REGION") ?? "us-east-1";
        }
        else if ((publish.Region ?? session.Variable("AWS_REGION") ?? session.Variable("AWS_DEFAULT_REGION")) is { Length: > 0 } region)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return new AmazonDynamoDBClient(config);
    }

    /// <summary>Where the client sends its requests, for a warning: the endpoint URL, else the region.</summary>
    public static string Endpoint(AmazonDynamoDBClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Config.ServiceURL is { Length: > 0 } url ? url
            : client.Config.RegionEndpoint is { } region ? $"the {region.SystemName} endpoint"
            : "the default region's endpoint";
    }

    /// <summary>This repository's name in the table: <c>publish.repository</c>, else its remote's URL.</summary>
    public static string Repository(PublishConfig publish, string? remoteUrl) =>
        publish.Repository ?? (remoteUrl is { Length: > 0 } url
            ? RepositoryIdentity.FromRemote(url)
            : throw new ReleaseException("publish: this repository has no remote to be named by in the release record; set publish.repository: in release.yaml, e.g. repository: github.com/acme/shop."));
}
