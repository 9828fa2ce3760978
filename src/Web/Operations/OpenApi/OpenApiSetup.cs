using Annotate.Web.Features.Search;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Annotate.Web.Operations.OpenApi;

/// <summary>
/// The framework's OpenAPI document of the HTTP API at /openapi/v1.json, and a reference page that reads it
/// (wwwroot/api-reference.html: our own script file, so the pages' CSP holds without an exception). Only
/// /api is described: the pages, their form posts and the hub are not an API.
/// </summary>
internal static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";

    private static readonly string[] AnnotationWrites = ["CreateAnnotation", "UpdateAnnotation"];
    private static readonly string[] AnnotationAnswers = ["CreateAnnotation", "UpdateAnnotation", "GetAnnotation", "ResolveThread", "ReopenThread", "MarkExemplary", "UnmarkExemplary"];

    public static void AddAnnotateOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Annotate HTTP API";
            document.Info.Description = "Seminars, documents and W3C Web Annotations (JSON-LD). The rules, errors and live hub are described in docs/api.md.";
            W3cSchemas.AddTo(document);
            DescribeSearchItem(document);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (operation.OperationId is { } name)
                DescribeJsonLd(operation, name, context.Document!);
            return Task.CompletedTask;
        });
    });

    public static void MapAnnotateOpenApi(this WebApplication app) => app.MapOpenApi(DocumentPath);

    private static void DescribeJsonLd(OpenApiOperation operation, string name, OpenApiDocument document)
    {
        var annotation = new OpenApiSchemaReference(W3cSchemas.Annotation, document);
        if (AnnotationWrites.Contains(name))
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "A W3C Web Annotation; application/json is read the same way.",
                Content = new Dictionary<string, OpenApiMediaType> { ["application/ld+json"] = new() { Schema = annotation } },
            };
        if (AnnotationAnswers.Contains(name))
            Answer(operation, name == "CreateAnnotation" ? "201" : "200", "The annotation (ETag header: its version).", annotation);
        if (name == "ListAnnotations")
            Answer(operation, "200", "The annotations the caller may see.", new OpenApiSchemaReference(W3cSchemas.AnnotationCollection, document));
    }

    /// <summary>A search result's annotation is written as everywhere else: the W3C schema, not the bare object a JsonObject gives.</summary>
    private static void DescribeSearchItem(OpenApiDocument document)
    {
        if (document.Components?.Schemas is { } schemas && schemas.TryGetValue(nameof(SearchApi.SearchItem), out var item) && item is OpenApiSchema { Properties: { } properties })
            properties["annotation"] = new OpenApiSchemaReference(W3cSchemas.Annotation, document);
    }

    private static void Answer(OpenApiOperation operation, string status, string description, IOpenApiSchema schema)
    {
        operation.Responses ??= new OpenApiResponses();
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/ld+json"] = new() { Schema = schema } },
        };
    }
}
