using Annotate.Shared;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Threads;

/// <summary>How a thread card shows a passage that changed or vanished in a newer revision of the text.</summary>
public sealed class RevisedThreadCardTests : MudComponentTest
{
    private const string Author = "ana-id";

    private IRenderedComponent<ThreadCard> RenderCard(AnnotationView root, string currentUserId, bool isTeacher, List<Guid> attached) =>
        Context.Render<ThreadCard>(ps => ps
            .Add(p => p.Thread, new ThreadModel(root, root.Orphan ? null : SpanOf(Excerpt, root.Quote!.Exact), null, []))
            .Add(p => p.Viewer, new Viewer(currentUserId, isTeacher ? SeminarRole.Teacher : SeminarRole.Student, null))
            .Add(p => p.Actions, ThreadActionsFor.Tests with
            {
                Attach = thread =>
                {
                    attached.Add(thread.Id);
                    return Task.CompletedTask;
                },
            }));

    [Fact]
    public void An_edited_passage_is_marked_with_the_words_it_was_written_on()
    {
        var root = Thread(Excerpt, "Proletarians of all countries unite!", body: "Still true?", authorId: Author, authorName: "Ana")
            with { OriginalExact = "Proletarians of all lands, unite!" };

        var cut = RenderCard(root, Author, isTeacher: false, []);

        var note = cut.Find(".passage-edited");
        Assert.Contains("Passage edited", note.TextContent);
        Assert.Equal("Proletarians of all lands, unite!", note.QuerySelector("q")!.TextContent);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Attach"));
    }

    [Theory]
    [InlineData(Author, false, true)]
    [InlineData("teacher-id", true, true)]
    [InlineData("ben-id", false, false)]
    public void An_orphan_offers_attaching_to_its_author_and_teachers_only(string viewer, bool isTeacher, bool offered)
    {
        var root = Thread(Excerpt, "Proletarians of all countries unite!", body: "Lost?", authorId: Author, authorName: "Ana") with { Orphan = true };
        var attached = new List<Guid>();

        var cut = RenderCard(root, viewer, isTeacher, attached);

        Assert.Contains("no longer in the text", cut.Find(".passage-edited").TextContent);
        var attach = cut.FindAll("button").Where(b => b.TextContent.Trim() == "Attach to selected passage").ToList();
        Assert.Equal(offered, attach.Count == 1);
        if (!offered) return;
        attach[0].Click();
        Assert.Equal([root.Id], attached);
    }
}
