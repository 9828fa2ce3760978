using Annotate.Data;
using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests;

/// <summary>
/// A new annotation is answered (201 body, live event, the page's own list) without being read back from the
/// database: the view is built from what was checked and written. It must be exactly what every later read
/// gives, for every kind of post: threads, replies and replies to replies, feedback on a passage and in a
/// thread (who it is for, and that person's name), group threads, highlights with tags.
/// </summary>
public sealed class CreatedViewTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private static readonly string[] NoTags = [];

    [Fact]
    public async Task Every_kind_of_post_answers_what_a_later_read_gives()
    {
        var (room, c, _, _) = await app.CreateGroupedClassroomAsync();
        var service = app.Services.GetRequiredService<AnnotationService>();
        async Task<AnnotationView> CreateAsync(ApiUser user, AnnotationDraft draft)
        {
            var result = await service.CreateAsync(user.Id, room.DocumentId, draft);
            Assert.True(result.Value is not null, result.Message);
            await AssertSameAsReadAsync(result.Value);
            return result.Value;
        }
        AnnotationDraft Thread(string exact, Visibility visibility, string motivation = Motivations.Commenting, string body = "A thought.", string[]? tags = null, string? to = null) =>
            new(motivation, visibility, body, tags ?? NoTags, new TextQuoteSelector(exact), AddresseeId: to);
        AnnotationDraft Reply(AnnotationView parent, string motivation = Motivations.Replying) =>
            new(motivation, null, "An answer.", NoTags, ReplyTo: parent.Id);

        var thread = await CreateAsync(room.StudentA, Thread("A spectre is haunting Europe", Visibility.Seminar, tags: ["question", "spectre"]));
        var reply = await CreateAsync(room.StudentB, Reply(thread));
        await CreateAsync(room.Teacher, Reply(reply));
        var inThreadFeedback = await CreateAsync(room.Teacher, Reply(thread, Motivations.Assessing));
        Assert.Equal(room.StudentA.Id, inThreadFeedback.AddresseeId);
        Assert.Equal(room.StudentA.DisplayName, inThreadFeedback.AddresseeName);
        await CreateAsync(room.StudentA, Reply(inThreadFeedback));

        var feedback = await CreateAsync(room.Teacher, Thread("class struggles", Visibility.Seminar, Motivations.Assessing, to: room.StudentB.Id));
        Assert.Equal(room.StudentB.DisplayName, feedback.AddresseeName);
        await CreateAsync(room.StudentB, Reply(feedback));

        var groupThread = await CreateAsync(c, Thread("Pope and Tsar", Visibility.Group));
        Assert.NotNull(groupThread.Access.AuthorGroupId);
        var teacherReply = await CreateAsync(room.Teacher, Reply(groupThread));
        Assert.Equal(SeminarRole.Teacher, teacherReply.AuthorRole);
        await CreateAsync(c, Thread("Metternich and Guizot", Visibility.Private, Motivations.Highlighting, body: "", tags: ["names"]));
    }

    private async Task AssertSameAsReadAsync(AnnotationView created)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>().CreateDbContextAsync();
        var read = await AnnotationViews.LoadOneAsync(db, created.Id);
        Assert.NotNull(read);
        Assert.Equal(read.Tags, created.Tags);
        Assert.Equal(read with { Tags = NoTags }, created with { Tags = NoTags });
    }
}
