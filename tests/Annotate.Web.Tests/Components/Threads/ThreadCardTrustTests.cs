using Annotate.Shared;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Threads;

/// <summary>What a thread card does for its reader's privacy: it loads nothing a comment points at, and keeps drafts under its reader.</summary>
public sealed class ThreadCardTrustTests : MudComponentTest
{
    private IRenderedComponent<ThreadCard> RenderCard(AnnotationView root, Viewer viewer) =>
        Context.Render<ThreadCard>(ps => ps
            .Add(p => p.Thread, new ThreadModel(root, SpanOf(Excerpt, root.Quote!.Exact), null, []))
            .Add(p => p.Viewer, viewer)
            .Add(p => p.Actions, ThreadActionsFor.Tests with { Feedback = (_, _) => Task.FromResult<string?>(null) }));

    [Fact]
    public void An_image_in_a_comment_is_shown_as_a_link_to_it_and_not_loaded()
    {
        var root = Thread(Excerpt, "Proletarians of all countries unite!",
            body: "See ![the slogan on a poster](https://posters.example.org/unite.jpg) and ![a scan](data:image/png;base64,AAAA).");

        var cut = RenderCard(root, new Viewer("ben-id", SeminarRole.Student, null));

        Assert.Empty(cut.FindAll("img"));
        var link = cut.Find(".thread-body a.md-image");
        Assert.Equal("🖼 the slogan on a poster (posters.example.org)", link.TextContent);
        Assert.Equal("https://posters.example.org/unite.jpg", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
        Assert.Equal("🖼 a scan (image not loaded)", cut.Find(".thread-body span.md-image").TextContent);
    }

    [Fact]
    public void Reply_and_feedback_drafts_are_kept_under_the_reader()
    {
        var root = Thread(Excerpt, "Proletarians of all countries unite!", body: "Still true?", authorId: "ana-id") with { AuthorRole = SeminarRole.Student };

        var cut = RenderCard(root, new Viewer("teacher-id", SeminarRole.Teacher, null));
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Reply").Click();
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Give feedback").Click();

        var keys = Context.JSInterop.Invocations.Where(i => i.Identifier == "localStorage.getItem").Select(i => (string)i.Arguments[0]!).ToList();
        Assert.Equal([$"annotate:draft:teacher-id:reply:{root.Id}", $"annotate:draft:teacher-id:feedback:{root.Id}"], keys);
    }
}
