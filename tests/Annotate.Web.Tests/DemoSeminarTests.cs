using System.Net;
using System.Text.Json;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests;

/// <summary>With Demo:Enabled, every new account gets a "Sample seminar" of its own with the sample article.</summary>
public sealed class DemoSeminarTests
{
    private const string SampleSeminar = "Sample seminar";
    private const string SampleArticle = "Proletarian Internationalism in the Communist Manifesto";

    [Fact]
    public async Task Every_new_account_teaches_a_sample_seminar_of_its_own_and_sees_no_other()
    {
        await using var app = AnnotateApp.WithDemo();

        var first = await app.RegisterAsync("first");
        var second = await app.RegisterAsync("second");

        var firstSeminar = await OnlySeminarAsync(first);
        var secondSeminar = await OnlySeminarAsync(second);
        Assert.NotEqual(firstSeminar.GetProperty("id").GetInt32(), secondSeminar.GetProperty("id").GetInt32());
        foreach (var (user, seminar) in new[] { (first, firstSeminar), (second, secondSeminar) })
        {
            Assert.Equal(SampleSeminar, seminar.GetProperty("name").GetString());
            Assert.Equal("teacher", seminar.GetProperty("role").GetString());
            var document = Assert.Single((await (await user.Http.GetAsync("/api/documents")).JsonAsync()).EnumerateArray());
            Assert.Equal(SampleArticle, document.GetProperty("title").GetString());
            Assert.Equal("en", document.GetProperty("language").GetString());
            Assert.Equal(seminar.GetProperty("id").GetInt32(), document.GetProperty("seminarId").GetInt32());
            var member = Assert.Single((await (await user.Http.GetAsync($"/api/seminars/{seminar.GetProperty("id").GetInt32()}/members")).JsonAsync()).EnumerateArray());
            Assert.Equal(user.Id, member.GetProperty("userId").GetString());
        }
    }

    [Fact]
    public async Task Others_join_a_sample_seminar_by_its_code_as_students()
    {
        await using var app = AnnotateApp.WithDemo();
        var teacher = await app.RegisterAsync("teacher");
        var student = await app.RegisterAsync("student");
        var seminarId = (await OnlySeminarAsync(teacher)).GetProperty("id").GetInt32();

        await app.JoinAsync(student, await teacher.JoinCodeAsync(seminarId));

        var documents = (await (await student.Http.GetAsync("/api/documents")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(2, documents.Count);
        Assert.Contains(documents, d => d.GetProperty("seminarId").GetInt32() == seminarId);
    }

    [Fact]
    public async Task Sample_document_is_served_as_canonical_text()
    {
        await using var app = AnnotateApp.WithDemo();
        var reader = await app.RegisterAsync();
        var listed = (await (await reader.Http.GetAsync("/api/documents")).JsonAsync())[0];

        var document = await (await reader.Http.GetAsync($"/api/documents/{listed.GetProperty("id").GetInt32()}")).JsonAsync();

        Assert.Equal(SampleArticle, document.GetProperty("title").GetString());
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
    public async Task Nothing_is_made_at_start_up_and_nothing_for_new_accounts_with_the_demo_off()
    {
        using var database = new TestDatabase();
        await using (var withDemo = AnnotateApp.On(database, demo: true))
        {
            await (await withDemo.CreateApiClient().GetAsync("/health")).ShouldHaveStatusAsync(HttpStatusCode.OK);
            Assert.Equal(0, await database.CountAsync("SELECT COUNT(*) FROM Seminars"));
        }

        await using var withoutDemo = AnnotateApp.On(database, demo: false);
        var reader = await withoutDemo.RegisterAsync();

        Assert.Empty((await (await reader.Http.GetAsync("/api/seminars")).JsonAsync()).EnumerateArray());
        Assert.Equal(0, await database.CountAsync("SELECT COUNT(*) FROM Seminars"));
    }

    [Fact]
    public async Task The_shared_demo_seminar_of_an_older_installation_keeps_its_members_and_takes_no_new_ones()
    {
        await using var app = AnnotateApp.WithDemo();
        var oldMember = await app.RegisterAsync("old.member");
        int oldDemoId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>().CreateDbContextAsync())
        {
            var demo = new Seminar { Name = "Demo seminar", JoinCode = "OLDDEMO2", CreatedAt = DateTimeOffset.UtcNow };
            demo.Members.Add(new Membership { UserId = oldMember.Id, Role = SeminarRole.Teacher, JoinedAt = DateTimeOffset.UtcNow });
            db.Seminars.Add(demo);
            await db.SaveChangesAsync();
            oldDemoId = demo.Id;
        }

        var newcomer = await app.RegisterAsync("newcomer");

        Assert.Equal(SampleSeminar, (await OnlySeminarAsync(newcomer)).GetProperty("name").GetString());
        var members = await (await oldMember.Http.GetAsync($"/api/seminars/{oldDemoId}/members")).JsonAsync();
        Assert.Equal([oldMember.Id], members.EnumerateArray().Select(m => m.GetProperty("userId").GetString()));
    }

    private static async Task<JsonElement> OnlySeminarAsync(ApiUser user) =>
        Assert.Single((await (await user.Http.GetAsync("/api/seminars")).JsonAsync()).EnumerateArray());
}
