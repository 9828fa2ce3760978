using System.Net;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests;

/// <summary>An address that is nothing: people get the not-found page, API clients problem+json.</summary>
public sealed class NotFoundPageTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task An_unknown_address_shows_the_not_found_page()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Add("Accept", "text/html");

        var response = await app.CreateApiClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("There is nothing here", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_api_address_answers_problem_json_not_the_page()
    {
        var reader = await app.RegisterAsync();

        var response = await reader.Http.GetAsync("/api/no-such-thing");

        await response.ProblemDetailAsync(HttpStatusCode.NotFound);
    }
}
