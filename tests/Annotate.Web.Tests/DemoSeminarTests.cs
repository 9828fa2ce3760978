using System.Net;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests;

/// <summary>With Demo:Enabled, a fresh installation starts with the sample article in "Demo seminar".</summary>
public sealed class DemoSeminarTests
{
    private const string DemoSeminar = "Demo seminar";
    private const string DemoArticle = "Proletarian Internationalism in the Communist Manifesto";

    [Fact]
    public async Task First_account_teaches_the_demo_seminar_and_the_next_one_is_a_student()
    {
        await using var app = AnnotateApp.WithDemo();

        var first = await app.RegisterAsync("first");
        var second = await app.RegisterAsync("second");

        Assert.Equal("teacher", await DemoRoleAsync(first));
        Assert.Equal("student", await DemoRoleAsync(second));
        foreach (var user in new[] { first, second })
        {
            var documents = await (await user.Http.GetAsync("/api/documents")).JsonAsync();
            var document = Assert.Single(documents.EnumerateArray());
            Assert.Equal(DemoArticle, document.GetProperty("title").GetString());
            Assert.Equal(DemoSeminar, document.GetProperty("seminarName").GetString());
        }
    }

    [Fact]
    public async Task Demo_document_is_served_as_canonical_text()
    {
        await using var app = AnnotateApp.WithDemo();
        var reader = await app.RegisterAsync();
        var listed = (await (await reader.Http.GetAsync("/api/documents")).JsonAsync())[0];

        var document = await (await reader.Http.GetAsync($"/api/documents/{listed.GetProperty("id").GetInt32()}")).JsonAsync();

        Assert.Equal(listed.GetProperty("id").GetInt32(), document.GetProperty("id").GetInt32());
        Assert.Equal(DemoArticle, document.GetProperty("title").GetString());
        Assert.Equal(listed.GetProperty("seminarId").GetInt32(), document.GetProperty("seminarId").GetInt32());
        Assert.Equal(1, document.GetProperty("revision").GetInt32());
        var text = document.GetProperty("text").GetString()!;
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain("\n\n\n", text);
        // Paragraphs are separated by exactly "\n\n": no hard-wrapped lines are left inside one.
        Assert.DoesNotMatch("(?<!\n)\n(?!\n)", text);
        Assert.True(text.Split("\n\n").Length > 5, "The sample article has several paragraphs.");
        Assert.Equal(text.Trim(), text);
    }

    [Fact]
    public async Task Demo_is_created_on_the_first_start_only()
    {
        using var database = new TestDatabase();
        await using (var firstStart = AnnotateApp.On(database, demo: true))
        {
            await (await firstStart.CreateApiClient().GetAsync("/health")).ShouldHaveStatusAsync(HttpStatusCode.OK);
            Assert.Equal(1, await CountDemoSeminarsAsync(database));
        }

        await using var secondStart = AnnotateApp.On(database, demo: true);
        var reader = await secondStart.RegisterAsync();

        Assert.Equal(1, await CountDemoSeminarsAsync(database));
        Assert.Equal("teacher", await DemoRoleAsync(reader));
    }

    private static async Task<string?> DemoRoleAsync(ApiUser user)
    {
        var seminars = await (await user.Http.GetAsync("/api/seminars")).JsonAsync();
        var demo = Assert.Single(seminars.EnumerateArray(), s => s.GetProperty("name").GetString() == DemoSeminar);
        return demo.GetProperty("role").GetString();
    }

    private static Task<long> CountDemoSeminarsAsync(TestDatabase database) =>
        database.CountAsync("SELECT COUNT(*) FROM Seminars WHERE Name = $name", ("$name", DemoSeminar));
}
