using Annotate.Shared;
using Annotate.Web.Components.Reading;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Realtime;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>
/// Open reading pages of a document share what they have alike (issue 12: memory per open page), and only that:
/// each page still holds exactly the threads its reader may see.
/// </summary>
public sealed class SharedReadingTests
{
    private readonly AnnotationView slogan = Thread(Excerpt, "Proletarians of all countries unite!", body: "Older than the Manifesto.");
    private readonly AnnotationView character = Thread(Excerpt, "their international character", body: "What character?");
    private readonly AnnotationView note = Thread(Excerpt, "brutal conquests", body: "My own note.", visibility: Visibility.Private);

    /// <summary>A page's own load: the text and every annotation freshly made, as a query makes them.</summary>
    private static Discussion Page(params AnnotationView[] visible)
    {
        var discussion = new Discussion();
        discussion.Load(new string(Excerpt.AsSpan()), visible.Select(a => a with { Tags = [.. a.Tags] }));
        return discussion;
    }

    [Fact]
    public void Two_pages_of_a_document_hold_one_copy_of_its_text_blocks_annotations_and_markup()
    {
        var first = Page(slogan, character);
        var second = Page(slogan, character);

        Assert.Same(first.Text, second.Text);
        Assert.Same(first.Blocks, second.Blocks);
        Assert.All(second.Annotations, a => Assert.Same(first.Annotations.Single(b => b.Id == a.Id), a));
        Assert.All(Enumerable.Range(0, first.Markup.Count), b => Assert.Same(first.Markup[b], second.Markup[b]));
    }

    [Fact]
    public void A_page_holds_nothing_of_a_thread_its_reader_may_not_see()
    {
        var author = Page(slogan, note);
        var other = Page(slogan);

        Assert.Equal([slogan.Id], other.Annotations.Select(a => a.Id));
        Assert.Same(author.Annotations.Single(a => a.Id == slogan.Id), other.Annotations.Single());
        var key = author.KeyOf(note.Id)!;
        Assert.Contains(author.Markup, html => html.Contains(key, StringComparison.Ordinal));
        Assert.DoesNotContain(other.Markup, html => html.Contains(key, StringComparison.Ordinal));
        Assert.Null(other.ThreadOfKey(key));
    }

    [Fact]
    public void A_page_keeps_the_version_it_loaded_beside_a_page_holding_another()
    {
        var before = Page(character);
        var edited = character with { Body = "What character, exactly?", Version = 2 };

        var after = Page(edited);

        Assert.Equal("What character?", before.Threads.Single().Root.Body);
        Assert.Equal("What character, exactly?", after.Threads.Single().Root.Body);
        Assert.Same(after.Threads.Single().Root, Page(edited).Threads.Single().Root);
    }

    [Fact]
    public void A_live_change_trades_in_for_the_copy_another_page_holds()
    {
        var edited = character with { Body = "What character, exactly?", Version = 2 };
        var reloaded = Page(edited);
        var live = Page(character);

        live.Apply(AnnotationEventKind.Updated, edited with { Tags = [.. edited.Tags] });

        Assert.Same(reloaded.Threads.Single().Root, live.Threads.Single().Root);
    }
}
