namespace Cake.Release.Reporting;

/// <summary>Where <see cref="StatusAliases.Status"/> reads the matrix from (<c>--source</c>).</summary>
public enum StatusSource
{
    /// <summary>This repository's GitOps branches on its remote (the default).</summary>
    Git,

    /// <summary>The central release record (<c>publish: dynamodb:</c>, or <c>--table</c>): every repository that publishes.</summary>
    DynamoDb,
}
