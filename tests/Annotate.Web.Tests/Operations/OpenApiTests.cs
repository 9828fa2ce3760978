using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Operations;

/// <summary>The OpenAPI document at /openapi/v1.json and the reference page that reads it under the pages' CSP.</summary>
public sealed partial class OpenApiTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Theory]
    [InlineData("/api/seminars", "post", "CreateSeminar")]
    [InlineData("/api/seminars/{seminarId}/documents", "post", "AddDocument")]
    [InlineData("/api/documents/{documentId}/annotations", "post", "CreateAnnotation")]
    [InlineData("/api/documents/{documentId}/annotations", "get", "ListAnnotations")]
    [InlineData("/api/annotations/{id}", "get", "GetAnnotation")]
    [InlineData("/api/annotations/{id}", "put", "UpdateAnnotation")]
    [InlineData("/api/annotations/{id}", "delete", "DeleteAnnotation")]
    [InlineData("/api/search", "get", "Search")]
    [InlineData("/api/users/me", "get", null)]
    [InlineData("/api/auth/login", "post", null)]
    public async Task The_document_lists_the_main_routes(string path, string method, string? operationId)
    {
        var document = await DocumentAsync();

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not in the document.");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not in the document.");
        if (operationId is not null) Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task Every_operation_has_a_name_and_a_summary_and_only_the_api_is_described()
    {
        var document = await DocumentAsync();

        var unsummarised = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            Assert.StartsWith("/api/", path.Name);
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
                if (!operation.Value.TryGetProperty("summary", out _) && !path.Name.StartsWith("/api/auth/", StringComparison.Ordinal))
                    unsummarised.Add($"{operation.Name} {path.Name}");
        }
        Assert.Empty(unsummarised);
    }

    [Fact]
    public async Task Annotation_writes_and_answers_are_described_as_W3C_JSON_LD()
    {
        var document = await DocumentAsync();

        var create = document.GetProperty("paths").GetProperty("/api/documents/{documentId}/annotations").GetProperty("post");
        Assert.Equal("#/components/schemas/Annotation",
            create.GetProperty("requestBody").GetProperty("content").GetProperty("application/ld+json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/Annotation",
            create.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/ld+json").GetProperty("schema").GetProperty("$ref").GetString());

        var annotation = document.GetProperty("components").GetProperty("schemas").GetProperty("Annotation");
        Assert.Equal(["@context", "target", "type"], annotation.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal));
        var text = annotation.GetRawText();
        foreach (var term in new[] { "TextQuoteSelector", "TextPositionSelector", "TextualBody", "http://www.w3.org/ns/anno.jsonld", "\"seminar\"", "\"private\"" })
            Assert.Contains(term, text);
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("AnnotationCollection", out _));
    }

    [Fact]
    public async Task Search_results_are_described_with_their_annotations_as_W3C_JSON()
    {
        var document = await DocumentAsync();

        var search = document.GetProperty("paths").GetProperty("/api/search").GetProperty("get");
        var parameters = search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["q", "seminar", "limit", "offset"], parameters);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var item = schemas.EnumerateObject().Single(s => s.Name.EndsWith("SearchItem", StringComparison.Ordinal)).Value;
        Assert.Equal("#/components/schemas/Annotation", item.GetProperty("properties").GetProperty("annotation").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task The_reference_page_loads_its_script_from_a_file_under_the_pages_CSP()
    {
        var client = app.CreateApiClient();

        var page = await client.GetAsync("/api-reference/index.html");
        var script = await client.GetAsync("/api-reference/reference.js");

        await page.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await script.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Matches(@"script-src 'self'( 'sha256-[^']+')?;", csp);
        var html = await page.Content.ReadAsStringAsync();
        // Every script element names a file: none carries code of its own.
        Assert.All(ScriptTag().Matches(html), tag => Assert.Contains("src=\"/api-reference/reference.js\"", tag.Value));
        Assert.Contains("/openapi/v1.json", html);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await app.CreateApiClient().GetAsync("/openapi/v1.json");
        return await response.JsonAsync();
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
