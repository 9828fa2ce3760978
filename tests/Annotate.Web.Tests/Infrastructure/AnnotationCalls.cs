using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>The annotation API as one user calls it.</summary>
public static class AnnotationCalls
{
    public static Task<HttpResponseMessage> PostAnnotationAsync(this ApiUser user, int documentId, JsonObject annotation) =>
        user.Http.PostAsync($"/api/documents/{documentId}/annotations", LdJson(annotation.ToJsonString()));

    /// <summary>Posts and asserts 201; returns the stored annotation.</summary>
    public static async Task<JsonElement> CreateAnnotationAsync(this ApiUser user, int documentId, JsonObject annotation) =>
        await (await user.PostAnnotationAsync(documentId, annotation)).JsonAsync(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> GetAnnotationAsync(this ApiUser user, string annotationIri) =>
        user.Http.GetAsync(annotationIri);

    public static Task<HttpResponseMessage> PutAnnotationAsync(this ApiUser user, string annotationIri, JsonObject annotation, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, annotationIri) { Content = LdJson(annotation.ToJsonString()) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return user.Http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> DeleteAnnotationAsync(this ApiUser user, string annotationIri) =>
        user.Http.DeleteAsync(annotationIri);

    /// <summary>The AnnotationCollection of a document as this user sees it (asserts 200).</summary>
    public static async Task<JsonElement> GetCollectionAsync(this ApiUser user, int documentId) =>
        await (await user.Http.GetAsync($"/api/documents/{documentId}/annotations")).JsonAsync();

    /// <summary>The ids of the annotations this user sees on the document, in collection order.</summary>
    public static async Task<List<string>> VisibleAnnotationIrisAsync(this ApiUser user, int documentId)
    {
        var collection = await user.GetCollectionAsync(documentId);
        return collection.GetProperty("first").GetProperty("items").EnumerateArray()
            .Select(item => item.GetProperty("id").GetString()!).ToList();
    }

    public static StringContent LdJson(string json) =>
        new(json, new MediaTypeHeaderValue("application/ld+json"));

    public static string Iri(this JsonElement annotation) => annotation.GetProperty("id").GetString()!;

    /// <summary>The value of the annotation's one non-tagging body, or null when it has none.</summary>
    public static string? CommentText(this JsonElement annotation) =>
        Bodies(annotation).Where(b => !IsTag(b)).Select(b => b.GetProperty("value").GetString()).SingleOrDefault();

    public static string[] Tags(this JsonElement annotation) =>
        Bodies(annotation).Where(IsTag).Select(b => b.GetProperty("value").GetString()!).ToArray();

    private static IEnumerable<JsonElement> Bodies(JsonElement annotation) =>
        annotation.TryGetProperty("body", out var body) ? body.EnumerateArray() : [];

    private static bool IsTag(JsonElement body) =>
        body.TryGetProperty("purpose", out var purpose) && purpose.GetString() == "tagging";
}
