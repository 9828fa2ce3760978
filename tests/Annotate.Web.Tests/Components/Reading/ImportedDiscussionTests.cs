using Annotate.Shared;
using Annotate.Web.Components.Reading;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Realtime;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>An import reaches an open page as one event: taken in whole, drawn once, as far as the reader may see it.</summary>
public sealed class ImportedDiscussionTests
{
    private static readonly Viewer Ana = new("ana-id", SeminarRole.Student, null);

    private readonly AnnotationView slogan = Thread(Excerpt, "Proletarians of all countries unite!", body: "Older than the Manifesto.");
    private readonly AnnotationView character = Thread(Excerpt, "their international character", body: "What character?", authorId: "ben-id", authorName: "Ben");

    private Discussion Loaded(params AnnotationView[] annotations)
    {
        var discussion = new Discussion();
        discussion.Load(Excerpt, annotations);
        return discussion;
    }

    [Fact]
    public void An_import_places_its_threads_replies_and_orphans_in_one_change_and_leaves_out_what_the_reader_may_not_see()
    {
        var discussion = Loaded(slogan);
        var before = discussion.Markup;
        var reply = Reply(character, "Their class character.");
        // From another text: its quote has no position here.
        var lost = Thread(Excerpt, "Marx and Engels", body: "From another book.") with { Orphan = true, Position = null };
        var bensNote = Thread(Excerpt, "brutal conquests", authorId: "ben-id", visibility: Visibility.Private);

        Assert.Equal(FeedReaction.DrawSoon, discussion.Receive(new AnnotationsImportedEvent(1, [character, lost, bensNote, reply]), Ana));

        Assert.Equal([slogan.Id, character.Id], discussion.Threads.Select(t => t.Id));
        Assert.Equal(["Their class character."], discussion.Threads[1].Replies.Select(r => r.Body));
        Assert.Equal([lost.Id], discussion.Orphans.Select(t => t.Id));
        Assert.False(discussion.Contains(bensNote.Id));
        Assert.Equal(4, discussion.Count);
        // Only the block the imported thread's passage is in is drawn again, and it shows that thread's highlight.
        var changed = Enumerable.Range(0, before.Count).Where(b => !ReferenceEquals(before[b], discussion.Markup[b])).ToList();
        Assert.Equal([2], changed);
        Assert.Contains(discussion.KeyOf(character.Id)!, discussion.Markup[2], StringComparison.Ordinal);
        Assert.DoesNotContain(discussion.KeyOf(lost.Id)!, string.Concat(discussion.Markup), StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_of_nothing_new_to_the_reader_changes_nothing()
    {
        var discussion = Loaded(slogan, character);
        var bensNote = Thread(Excerpt, "brutal conquests", authorId: "ben-id", visibility: Visibility.Private);

        Assert.Equal(FeedReaction.None, discussion.Receive(new AnnotationsImportedEvent(1, [bensNote]), Ana));
        Assert.Equal(FeedReaction.None, discussion.Receive(new AnnotationsImportedEvent(1, [character]), Ana));
        Assert.Equal(2, discussion.Count);
    }

    [Fact]
    public void An_import_that_comes_while_the_page_loads_is_held_and_then_applied()
    {
        var discussion = new Discussion();
        discussion.HoldEvents();
        var imported = new AnnotationsImportedEvent(1, [character]);

        Assert.Equal(FeedReaction.None, discussion.Receive(imported, Ana));
        discussion.Load(Excerpt, [slogan]);
        var held = Assert.Single(discussion.CatchUp());

        Assert.Equal(FeedReaction.DrawSoon, discussion.Receive(held, Ana));
        Assert.Equal([slogan.Id, character.Id], discussion.Threads.Select(t => t.Id));
    }
}
