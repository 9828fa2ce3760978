using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.Text;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Threads;

/// <summary>An imported annotation names its writer in the source and who imported it; one whose passage is not in this text says so.</summary>
public sealed class ImportedThreadCardTests : MudComponentTest
{
    private IRenderedComponent<ThreadCard> RenderCard(AnnotationView root, params AnnotationView[] replies)
    {
        var span = SpanOf(Excerpt, root.Quote!.Exact);
        var paragraph = TextBlocks.Parse(Excerpt).Last(b => b.Start <= span.Start).ParagraphNumber;
        return Context.Render<ThreadCard>(ps => ps
            .Add(p => p.Thread, new ThreadModel(root, span, paragraph, replies))
            .Add(p => p.Viewer, new Viewer("someone-else", SeminarRole.Student, null))
            .Add(p => p.Actions, ThreadActionsFor.Tests));
    }

    [Fact]
    public void Shows_the_writer_and_who_imported_it()
    {
        var root = Thread(Excerpt, "Proletarians of all countries unite!", body: "Older than 1848.", authorName: "Bob") with { AttributedTo = "Ada Lovelace" };
        var reply = Reply(root, "Which slogan?", authorName: "Bob") with { AttributedTo = "Bob" };
        var native = Reply(root, "Good question.", authorName: "Cleo");

        var cut = RenderCard(root, reply, native);

        Assert.Equal(["Ada Lovelace (imported by Bob)", "Bob (imported)", "Cleo"],
            cut.FindAll(".thread-author").Select(a => a.TextContent));
        Assert.Equal("Thread by Ada Lovelace (imported by Bob)", cut.Find("[role=article]").GetAttribute("aria-label"));
    }

    [Fact]
    public void An_orphan_imported_from_another_text_says_so_shows_its_quote_and_offers_attaching_to_its_importer()
    {
        const string Quote = "Religion is the opium of the people";
        var imported = Thread(Excerpt, "Proletarians of all countries unite!", body: "From another book.", authorId: "bob-id", authorName: "Bob")
            with { AttributedTo = "Ada Lovelace", Orphan = true, Quote = new TextQuoteSelector(Quote), Position = null };
        var attached = new List<Guid>();

        var cut = Context.Render<ThreadCard>(ps => ps
            .Add(p => p.Thread, new ThreadModel(imported, null, null, []))
            .Add(p => p.Viewer, new Viewer("bob-id", SeminarRole.Student, null))
            .Add(p => p.Actions, ThreadActionsFor.Tests with
            {
                Attach = thread =>
                {
                    attached.Add(thread.Id);
                    return Task.CompletedTask;
                },
            }));

        Assert.Equal(Quote, cut.Find(".thread-quote q").TextContent);
        Assert.Equal("Imported from another text: this passage is not in this one.", cut.Find(".passage-edited").TextContent.Trim());
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Attach to selected passage").Click();
        Assert.Equal([imported.Id], attached);
    }
}
