using System.Text.Json.Nodes;

namespace Cake.Release.Tests.Forges;

/// <summary>The forges' official descriptions the emulator validates against are found, loaded and understood.</summary>
public sealed class OpenApiDescriptionTests
{
    [Fact]
    public void GitHubsDescriptionIsFoundFromTheTestAssemblyAndServesTheOperationsCakeReleaseCalls()
    {
        var description = OpenApiDescription.GitHub;

        Assert.True(File.Exists(description.Path), description.Path);
        Assert.False(description.IsSwagger2);
        Assert.True(description.Operations.Count > 500, $"only {description.Operations.Count} operations");
        foreach (var (method, path, operationId) in new[]
        {
            ("GET", "/user", "users/get-authenticated"),
            ("GET", "/repos/acme/shop/pulls", "pulls/list"),
            ("POST", "/repos/acme/shop/pulls", "pulls/create"),
            ("GET", "/repos/acme/shop/pulls/7", "pulls/get"),
            ("PATCH", "/repos/acme/shop/pulls/7", "pulls/update"),
            ("GET", "/repos/acme/shop/pulls/7/reviews", "pulls/list-reviews"),
            ("POST", "/repos/acme/shop/pulls/7/reviews", "pulls/create-review"),
            ("PUT", "/repos/acme/shop/pulls/7/merge", "pulls/merge"),
            ("POST", "/repos/acme/shop/issues/7/labels", "issues/add-labels"),
            ("POST", "/repos/acme/shop/issues/7/comments", "issues/create-comment"),
        })
        {
            var found = description.Find(method, path);
            Assert.True(found is not null, $"{method} {path} is not in {description.Path}");
            Assert.Equal(operationId, found.Value.Operation.OperationId);
        }

        Assert.Equal("7", description.Find("GET", "/repos/acme/shop/pulls/7")!.Value.PathValues["pull_number"]);
        Assert.Null(description.Find("GET", "/repos/acme/shop/pull-requests"));
    }

    [Fact]
    public void AGitHubSchemaWithNullableFieldsAndReferencesIsCheckedAsJsonSchema()
    {
        var description = OpenApiDescription.GitHub;
        var schema = description.Schema("test label", description.Definition("label"));

        var valid = JsonNode.Parse("""{"id":1,"node_id":"LA_1","url":"https://api.github.com/repos/acme/shop/labels/bug","name":"bug","description":null,"color":"ededed","default":false}""");
        var missing = JsonNode.Parse("""{"id":1,"node_id":"LA_1","url":"https://api.github.com/repos/acme/shop/labels/bug","name":"bug","color":"ededed","default":false}""");

        Assert.True(schema.Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(valid)).IsValid);
        Assert.False(schema.Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(missing)).IsValid);
    }

    [Fact]
    public void AnAnswerMissingARequiredFieldOrWithAnUndeclaredStatusIsAViolation()
    {
        var description = OpenApiDescription.GitHub;
        var merge = description.Find("PUT", "/repos/acme/shop/pulls/1/merge")!.Value.Operation;

        Assert.Empty(OperationConformance.CheckResponse(description, merge, 200, JsonNode.Parse("""{"sha":"abc","merged":true,"message":"Pull Request successfully merged"}""")));
        Assert.Contains("sha", Assert.Single(OperationConformance.CheckResponse(description, merge, 200, JsonNode.Parse("""{"merged":true,"message":"m"}"""))), StringComparison.Ordinal);
        Assert.Contains("/merged", string.Join('\n', OperationConformance.CheckResponse(description, merge, 200, JsonNode.Parse("""{"sha":"abc","merged":"yes","message":"m"}"""))), StringComparison.Ordinal);
        Assert.Contains("does not declare", Assert.Single(OperationConformance.CheckResponse(description, merge, 418, null)), StringComparison.Ordinal);
    }

    [Fact]
    public void GitLabsTrimmedDescriptionIsFoundWithItsSourceAndTheSupplementFillsWhatItLacks()
    {
        var description = OpenApiDescription.GitLab;

        Assert.True(description.IsSwagger2);
        Assert.Matches("Commit: `[0-9a-f]{40}`", File.ReadAllText(Path.Combine(Path.GetDirectoryName(description.Path)!, "SOURCE.md")));
        foreach (var (method, path, operationId) in new[]
        {
            ("GET", "/api/v4/user", "getApiV4User"),
            ("GET", "/api/v4/projects/acme%2Fshop/merge_requests", "getApiV4ProjectsIdMergeRequests"),
            ("POST", "/api/v4/projects/acme%2Fshop/merge_requests", "postApiV4ProjectsIdMergeRequests"),
            ("GET", "/api/v4/projects/acme%2Fshop/merge_requests/3", "getApiV4ProjectsIdMergeRequestsMergeRequestIid"),
            ("PUT", "/api/v4/projects/acme%2Fshop/merge_requests/3", "putApiV4ProjectsIdMergeRequestsMergeRequestIid"),
            ("GET", "/api/v4/projects/acme%2Fshop/merge_requests/3/approvals", "getApiV4ProjectsIdMergeRequestsMergeRequestIidApprovals"),
            ("POST", "/api/v4/projects/acme%2Fshop/merge_requests/3/notes", "postApiV4ProjectsIdMergeRequestsMergeRequestIidNotes"),
            ("POST", "/api/v4/projects/acme%2Fshop/merge_requests/3/approve", "postApiV4ProjectsIdMergeRequestsMergeRequestIidApprove"),
            ("PUT", "/api/v4/projects/acme%2Fshop/merge_requests/3/merge", "putApiV4ProjectsIdMergeRequestsMergeRequestIidMerge"),
        })
        {
            var found = description.Find(method, path);
            Assert.True(found is not null, $"{method} {path} is not in {description.Path}");
            Assert.Equal(operationId, found.Value.Operation.OperationId);
        }

        Assert.Equal("acme/shop", description.Find("GET", "/api/v4/projects/acme%2Fshop/merge_requests/3")!.Value.PathValues["id"]);
    }

    [Fact]
    public void GitLabAnswersAreCheckedWithTheTypesGitLabDocumentsNotTheGeneratorsStrings()
    {
        var description = OpenApiDescription.GitLab;
        var get = description.Find("GET", "/api/v4/projects/acme%2Fshop/merge_requests/1")!.Value.Operation;
        JsonNode Answer(string draft, string labels, string mergedBy) => JsonNode.Parse($$"""
            {"id":1,"iid":1,"project_id":7001,"title":"t","state":"opened","draft":{{draft}},"labels":{{labels}},"merged_by":{{mergedBy}},"sha":"abc"}
            """)!;

        Assert.Empty(OperationConformance.CheckResponse(description, get, 200, Answer("false", "[\"a\"]", "null")));
        Assert.Contains("/draft", string.Join('\n', OperationConformance.CheckResponse(description, get, 200, Answer("\"false\"", "[]", "null"))), StringComparison.Ordinal);
        Assert.Contains("/labels", string.Join('\n', OperationConformance.CheckResponse(description, get, 200, Answer("false", "\"a,b\"", "null"))), StringComparison.Ordinal);
        Assert.Contains("/merged_by", string.Join('\n', OperationConformance.CheckResponse(description, get, 200, Answer("false", "[]", "\"bob\""))), StringComparison.Ordinal);
    }
}
