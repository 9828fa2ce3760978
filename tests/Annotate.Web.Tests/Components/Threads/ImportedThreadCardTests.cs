using Annotate.Shared;
using Annotate.Shared.Text;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Bunit;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Threads;

/// <summary>An imported annotation names its writer in the source and who imported it.</summary>
public sealed class ImportedThreadCardTests : MudComponentTest
{
    private IRenderedComponent<ThreadCard> RenderCard(AnnotationView root, params AnnotationView[] replies)
    {
        var span = SpanOf(Excerpt, root.Quote!.Exact);
        var paragraph = TextBlocks.Parse(Excerpt).Last(b => b.Start <= span.Start).ParagraphNumber;
        return Context.Render<ThreadCard>(ps => ps
            .Add(p => p.Thread, new ThreadModel(root, span, paragraph, replies))
            .Add(p => p.Viewer, new Viewer("someone-else", SeminarRole.Student, null))
            .Add(p => p.OnReply, (_, _) => Task.FromResult<string?>(null))
            .Add(p => p.OnEdit, (_, _) => Task.FromResult<string?>(null))
            .Add(p => p.OnDelete, _ => Task.CompletedTask));
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
}
