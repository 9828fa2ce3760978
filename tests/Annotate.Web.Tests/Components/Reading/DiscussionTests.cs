using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Web.Components.Reading;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Realtime;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>The reading page's discussion state, driven without a renderer: loading, live events, catch-up.</summary>
public sealed class DiscussionTests
{
    private static readonly Viewer Ana = new("ana-id", SeminarRole.Student, null);
    private static readonly Viewer Teacher = new("teacher-id", SeminarRole.Teacher, null);

    private readonly AnnotationView slogan = Thread(Excerpt, "Proletarians of all countries unite!", body: "Older than the Manifesto.");
    private readonly AnnotationView character = Thread(Excerpt, "their international character", body: "What character?", authorId: "ben-id", authorName: "Ben");

    private static AnnotationEvent Created(AnnotationView annotation) => new(AnnotationEventKind.Created, annotation);

    private Discussion Loaded(params AnnotationView[] annotations)
    {
        var discussion = new Discussion();
        discussion.Load(Excerpt, annotations);
        return discussion;
    }

    [Fact]
    public void Loading_places_threads_in_document_order_with_their_replies_in_time_order()
    {
        var late = Reply(slogan, "Second.", created: slogan.Created.AddHours(2));
        var early = Reply(slogan, "First.", created: slogan.Created.AddHours(1));
        var discussion = Loaded(character, late, slogan, early);

        Assert.Equal([slogan.Id, character.Id], discussion.Threads.Select(t => t.Id));
        Assert.Equal(["First.", "Second."], discussion.Threads[0].Replies.Select(r => r.Body));
        Assert.Equal(4, discussion.Count);
        Assert.Empty(discussion.Orphans);
    }

    [Fact]
    public void A_created_thread_is_applied_and_asks_for_a_draw()
    {
        var discussion = Loaded(slogan);

        Assert.Equal(FeedReaction.DrawSoon, discussion.Receive(Created(character), Ana));

        Assert.Equal([slogan.Id, character.Id], discussion.Threads.Select(t => t.Id));
    }

    [Fact]
    public void An_update_replaces_the_annotation_and_an_older_version_is_ignored()
    {
        var discussion = Loaded(slogan);
        var edited = slogan with { Body = "Edited.", Version = 2 };

        Assert.Equal(FeedReaction.DrawSoon, discussion.Receive(new AnnotationEvent(AnnotationEventKind.Updated, edited, slogan), Ana));
        Assert.Equal(FeedReaction.None, discussion.Receive(new AnnotationEvent(AnnotationEventKind.Updated, slogan with { Body = "Stale." }, slogan), Ana));

        Assert.Equal("Edited.", Assert.Single(discussion.Threads).Root.Body);
    }

    [Fact]
    public void A_mark_without_a_new_version_is_applied()
    {
        var discussion = Loaded(slogan);
        var resolved = slogan with { ResolvedAt = slogan.Created.AddDays(1) };

        Assert.Equal(FeedReaction.DrawSoon, discussion.Receive(new AnnotationEvent(AnnotationEventKind.Updated, resolved, slogan), Ana));

        Assert.NotNull(Assert.Single(discussion.Threads).Root.ResolvedAt);
    }

    [Fact]
    public void A_deleted_thread_goes_with_its_replies_and_a_deleted_reply_alone()
    {
        var first = Reply(slogan, "First.");
        var second = Reply(slogan, "Second.");
        var discussion = Loaded(slogan, first, second, character);

        Assert.Equal(FeedReaction.DrawSoon, discussion.Receive(new AnnotationEvent(AnnotationEventKind.Deleted, first), Ana));
        Assert.Equal(["Second."], discussion.Threads[0].Replies.Select(r => r.Body));

        Assert.Equal(FeedReaction.DrawSoon, discussion.Receive(new AnnotationEvent(AnnotationEventKind.Deleted, slogan), Ana));
        Assert.Equal([character.Id], discussion.Threads.Select(t => t.Id));
        Assert.Equal(1, discussion.Count);
        // Gone already: the echo of a deletion changes nothing.
        Assert.Equal(FeedReaction.None, discussion.Receive(new AnnotationEvent(AnnotationEventKind.Deleted, slogan), Ana));
    }

    [Fact]
    public void What_the_reader_may_not_see_never_arrives()
    {
        var discussion = Loaded(slogan);
        var bensNote = Thread(Excerpt, "their international character", authorId: "ben-id", visibility: Visibility.Private);

        Assert.Equal(FeedReaction.None, discussion.Receive(Created(bensNote), Ana));
        Assert.False(discussion.Contains(bensNote.Id));
    }

    [Fact]
    public void The_readers_own_post_is_applied_once_not_again_as_its_echo()
    {
        var discussion = Loaded(slogan);

        Assert.True(discussion.Apply(AnnotationEventKind.Created, character));
        Assert.Equal(FeedReaction.None, discussion.Receive(Created(character), Ana));
        // Through another feed (another server) the echo is an equal copy, not the same object.
        Assert.Equal(FeedReaction.None, discussion.Receive(Created(character with { Tags = [] }), Ana));
        Assert.Equal(2, discussion.Count);
    }

    [Fact]
    public void Events_that_come_while_loading_are_held_then_applied_in_order_once()
    {
        var discussion = new Discussion();
        discussion.HoldEvents();
        var edited = slogan with { Body = "Edited.", Version = 2 };

        // Posted during the load: the load already has the slogan, not yet the character thread or the edit.
        Assert.Equal(FeedReaction.None, discussion.Receive(Created(slogan), Ana));
        Assert.Equal(FeedReaction.None, discussion.Receive(Created(character), Ana));
        Assert.Equal(FeedReaction.None, discussion.Receive(new AnnotationEvent(AnnotationEventKind.Updated, edited, slogan), Ana));
        Assert.True(discussion.IsLoading);
        Assert.Equal(0, discussion.Count);

        discussion.Load(Excerpt, [slogan]);
        var held = discussion.CatchUp();
        Assert.False(discussion.IsLoading);
        Assert.Equal(3, held.Count);
        var reactions = held.Select(e => discussion.Receive(e, Ana)).ToList();

        Assert.Equal([FeedReaction.None, FeedReaction.DrawSoon, FeedReaction.DrawSoon], reactions);
        Assert.Equal([slogan.Id, character.Id], discussion.Threads.Select(t => t.Id));
        Assert.Equal("Edited.", discussion.Threads[0].Root.Body);
    }

    [Fact]
    public void Falling_behind_asks_for_a_reload_and_drops_the_progress_shown()
    {
        var discussion = Loaded(slogan);
        Assert.Equal(FeedReaction.Draw, discussion.Receive(
            new AnchoringProgressEvent(1, 2, [new PlacedThread(slogan.Id, AnchorState.Exact)], Finished: false), Teacher));
        Assert.NotNull(discussion.Anchoring);

        Assert.Equal(FeedReaction.Reload, discussion.Receive(new FellBehindEvent(1), Teacher));
        Assert.Null(discussion.Anchoring);
    }

    [Fact]
    public void Revisions_and_access_changes_ask_for_reloads_of_their_own()
    {
        var discussion = Loaded(slogan);

        Assert.Equal(FeedReaction.ReloadText, discussion.Receive(new DocumentRevisedEvent(1, 2), Ana));
        Assert.Equal(FeedReaction.ReloadAccess, discussion.Receive(new AccessChangedEvent(1, 7, "ben-id"), Ana));
        Assert.Equal(FeedReaction.ReloadAccess, discussion.Receive(new AccessChangedEvent(1, 7, "ana-id", OthersAffected: false), Ana));
        // Only Ben's own view changed (his post-first gate): nothing for Ana to load.
        Assert.Equal(FeedReaction.None, discussion.Receive(new AccessChangedEvent(1, 7, "ben-id", OthersAffected: false), Ana));
    }

    [Fact]
    public void Progress_is_counted_for_teachers_over_their_own_threads_only()
    {
        var discussion = Loaded(slogan);

        Assert.Equal(FeedReaction.None, discussion.Receive(new AnchoringProgressEvent(1, 2, [], Finished: false), Ana));
        Assert.Null(discussion.Anchoring);
        Assert.Equal(FeedReaction.Draw, discussion.Receive(
            new AnchoringProgressEvent(1, 2, [new PlacedThread(Guid.NewGuid(), AnchorState.Exact)], Finished: false), Teacher));
        Assert.Equal((1, 0), (discussion.Anchoring!.Total, discussion.Anchoring.Done));
        Assert.Equal(FeedReaction.Draw, discussion.Receive(new AnchoringProgressEvent(1, 2, [], Finished: true), Teacher));
        Assert.Null(discussion.Anchoring);
    }

    [Fact]
    public void A_thread_whose_passage_is_gone_is_an_orphan()
    {
        var gone = slogan with { Orphan = true };
        var discussion = Loaded(gone, character);

        Assert.Equal([character.Id], discussion.Threads.Select(t => t.Id));
        Assert.Equal([slogan.Id], discussion.Orphans.Select(t => t.Id));
    }
    [Fact]
    public void A_live_reply_makes_a_new_model_for_its_thread_only_and_redraws_no_block()
    {
        var discussion = Loaded(slogan, character);
        var (sloganBefore, characterBefore, markup) = (discussion.Threads[0], discussion.Threads[1], discussion.Markup);

        Assert.Equal(FeedReaction.DrawSoon, discussion.Receive(Created(Reply(character, "Their class character.")), Ana));

        Assert.Same(sloganBefore, discussion.Threads[0]);
        Assert.NotSame(characterBefore, discussion.Threads[1]);
        Assert.Single(discussion.Threads[1].Replies);
        // A reply has no passage: the article's markup is the same list.
        Assert.Same(markup, discussion.Markup);
    }

    [Fact]
    public void A_new_thread_redraws_only_the_blocks_its_passage_reaches()
    {
        var discussion = Loaded(slogan);
        var before = discussion.Markup;
        var across = Thread(Excerpt, "with brutal conquests.\n\nWith the slogan");

        discussion.Apply(AnnotationEventKind.Created, across);

        var changed = Enumerable.Range(0, before.Count).Where(b => !ReferenceEquals(before[b], discussion.Markup[b])).ToList();
        Assert.Equal([1, 2], changed);
        Assert.Contains($"data-t=\"{MarkedText.Key(across.Id)}\">with brutal conquests.</mark>", discussion.Markup[1]);
    }

    [Fact]
    public void Marks_name_threads_by_keys_the_page_can_turn_back_into_threads()
    {
        var discussion = Loaded(slogan, character);

        var key = discussion.KeyOf(character.Id)!;

        Assert.Equal(MarkedText.Key(character.Id), key);
        Assert.Matches("^[0-9a-zA-Z]{5}$", key);
        Assert.Equal(character.Id, discussion.ThreadOfKey(key));
        Assert.Null(discussion.ThreadOfKey("00000000"));
        Assert.Equal(1, discussion.IndexOf(character.Id));
    }

    [Fact]
    public void Deleting_a_thread_removes_its_marks()
    {
        var discussion = Loaded(slogan, character);
        var key = discussion.KeyOf(character.Id)!;
        Assert.Contains(discussion.Markup, html => html.Contains(key, StringComparison.Ordinal));

        discussion.Apply(AnnotationEventKind.Deleted, character);

        Assert.DoesNotContain(discussion.Markup, html => html.Contains(key, StringComparison.Ordinal));
        Assert.Equal(-1, discussion.IndexOf(character.Id));
    }

    [Fact]
    public void Blocks_without_threads_are_their_words_escaped()
    {
        var discussion = new Discussion();
        discussion.Load("Heading\n\nA < B && C > D, as anyone who has read this far will have noticed by now.", []);

        Assert.Equal(
            [
                "<h2 class=\"block block-heading\" id=\"b-0\"><span class=\"block-text\" data-start=\"0\">Heading</span></h2>",
                "<p class=\"block block-paragraph\" id=\"p-1\"><span class=\"pnum\" aria-hidden=\"true\">1</span><span class=\"block-text\" data-start=\"9\">A &lt; B &amp;&amp; C &gt; D, as anyone who has read this far will have noticed by now.</span></p>",
            ], discussion.Markup);
    }

    // An import reaches an open page as one event: taken in whole, drawn once, as far as the reader may see it.

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

    /// <summary>Two thread ids whose short keys are the same: the same last 48 bits.</summary>
    private static (Guid First, Guid Second) Alike()
    {
        var first = Guid.NewGuid();
        var bytes = first.ToByteArray(bigEndian: true);
        bytes[0] ^= 0xFF;
        return (first, new Guid(bytes, bigEndian: true));
    }

    [Fact]
    public void Of_two_threads_with_the_same_short_key_the_later_in_the_text_goes_by_its_long_key()
    {
        var (first, second) = Alike();
        Assert.Equal(MarkedText.Key(first), MarkedText.Key(second));
        var early = slogan with { Id = first };
        var late = character with { Id = second };
        // "their international character" comes after the slogan in the text.
        var discussion = Loaded(late, early);

        Assert.Equal(MarkedText.Key(first), discussion.KeyOf(first));
        Assert.Equal(MarkedText.LongKey(second), discussion.KeyOf(second));
        Assert.Equal(first, discussion.ThreadOfKey(MarkedText.Key(first)));
        Assert.Equal(second, discussion.ThreadOfKey(MarkedText.LongKey(second)));
        Assert.Contains($"data-t=\"{MarkedText.LongKey(second)}\"", string.Concat(discussion.Markup), StringComparison.Ordinal);
    }

    [Fact]
    public void A_live_thread_whose_short_key_another_has_goes_by_its_long_key_and_keeps_it_when_edited()
    {
        var (first, second) = Alike();
        var discussion = Loaded(character with { Id = first });
        var arriving = slogan with { Id = second };

        discussion.Apply(AnnotationEventKind.Created, arriving);
        discussion.Apply(AnnotationEventKind.Updated, arriving with { Body = "Edited.", Version = 2 });

        Assert.Equal(MarkedText.Key(first), discussion.KeyOf(first));
        Assert.Equal(MarkedText.LongKey(second), discussion.KeyOf(second));
        Assert.Equal(second, discussion.ThreadOfKey(MarkedText.LongKey(second)));
        // The first goes by its short key: its long one names nothing here.
        Assert.Null(discussion.ThreadOfKey(MarkedText.LongKey(first)));
    }

    [Fact]
    public void A_reply_whose_thread_is_not_on_the_page_is_counted_and_joins_its_thread_when_that_arrives()
    {
        var reply = Reply(character, "Their class character.");
        var discussion = Loaded(slogan, reply);

        Assert.Equal(2, discussion.Count);
        Assert.True(discussion.Contains(reply.Id));
        Assert.Equal([slogan.Id], discussion.Threads.Select(t => t.Id));

        // Ben made his thread (private until now) visible to the seminar: to Ana it arrives as new.
        var wasPrivate = character with { Visibility = Visibility.Private, Access = character.Access with { Visibility = Visibility.Private } };
        Assert.Equal(FeedReaction.DrawSoon, discussion.Receive(new AnnotationEvent(AnnotationEventKind.Updated, character, wasPrivate), Ana));

        Assert.Equal([reply.Id], discussion.Threads.Single(t => t.Id == character.Id).Replies.Select(r => r.Id));
        Assert.Equal(3, discussion.Count);
    }
}
