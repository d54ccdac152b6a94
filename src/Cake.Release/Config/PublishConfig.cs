namespace Cake.Release.Config;

/// <summary>
/// Where releases are published beyond git (<c>publish:</c>): seed 001's central DynamoDB table, where the releases
/// of every repository meet. Absent: nothing is published.
/// </summary>
public sealed record PublishConfig
{
    /// <summary>The default table name, the seed's.</summary>
    public const string DefaultTable = "ReleaseFragments";

    /// <summary>The DynamoDB table (<c>dynamodb:</c>); <see cref="DefaultTable"/> by default.</summary>
    public string Table { get; init; } = DefaultTable;

    /// <summary>The AWS region (<c>region:</c>); null: the AWS default chain's (AWS_REGION, the profile).</summary>
    public string? Region { get; init; }

    /// <summary>
    /// How this repository is named in the table (<c>repository:</c>, e.g. <c>github.com/acme/shop</c>); null: the
    /// remote's URL without scheme, user info and <c>.git</c>.
    /// </summary>
    public string? Repository { get; init; }
}
