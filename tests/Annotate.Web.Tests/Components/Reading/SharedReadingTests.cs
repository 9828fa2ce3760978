using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Web.Components.Reading;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Discussion;
using Annotate.Web.Features.Notifications;
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

    private static readonly Viewer Ana = new("ana-id", SeminarRole.Student, null);
    private static readonly Viewer Ben = new("ben-id", SeminarRole.Student, null);
    private static readonly Viewer Teacher = new("teacher-id", SeminarRole.Teacher, null);

    /// <summary>A page's own load: the text and every annotation freshly made, as a query makes them.</summary>
    private static Discussion Page(params AnnotationView[] visible)
    {
        var discussion = new Discussion();
        discussion.Load(new string(Excerpt.AsSpan()), visible.Select(a => a with { Tags = [.. a.Tags] }));
        return discussion;
    }

    /// <summary>The page of <paramref name="viewer"/>: of <paramref name="all"/>, what the visibility rule lets them load.</summary>
    private static Discussion PageOf(Viewer viewer, params AnnotationView[] all) => Page([.. all.Where(a => a.CanBeSeenBy(viewer))]);

    /// <summary>Feedback for Ana in <paramref name="root"/>'s thread: only she and the teachers may see it.</summary>
    private static AnnotationView FeedbackForAna(AnnotationView root) => Reply(root, "Argue it from the text.", authorId: "teacher-id", authorName: "Teacher", created: root.Created.AddMinutes(5)) with
    {
        Motivation = Annotate.Shared.W3c.Motivations.Assessing,
        Access = new VisibilityFacts("teacher-id", root.Visibility, null, AddresseeId: "ana-id"),
    };

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

    [Fact]
    public void Pages_that_load_the_same_threads_hold_the_same_thread_models_and_no_copies_of_them()
    {
        var first = Page(slogan, character, Reply(character, "Their class character."));
        var second = Page(slogan, character, first.Threads[1].Replies[0]);

        Assert.All(Enumerable.Range(0, 2), t => Assert.Same(first.Threads[t], second.Threads[t]));
    }

    [Fact]
    public void A_thread_with_feedback_for_one_student_is_shared_only_as_far_as_each_reader_sees_it()
    {
        var feedback = FeedbackForAna(slogan);
        var bensReply = Reply(slogan, "I disagree.");
        var all = new[] { slogan, feedback, bensReply, note, character };

        var teacher = PageOf(Teacher, all);
        var ana = PageOf(Ana, all);
        var ben = PageOf(Ben, all);

        // The teacher and Ana see the feedback, Ben does not: his page holds another model of the thread, without it.
        Assert.Same(teacher.Threads.Single(t => t.Id == slogan.Id), ana.Threads.Single(t => t.Id == slogan.Id));
        var bens = ben.Threads.Single(t => t.Id == slogan.Id);
        Assert.Equal([bensReply.Id], bens.Replies.Select(r => r.Id));
        Assert.False(ben.Contains(feedback.Id));
        Assert.DoesNotContain(ben.Annotations, a => a.Id == feedback.Id || a.Id == note.Id);
        Assert.Equal(3, ben.Count);

        // Ana's private note is in her page only, though the teacher's and Ben's pages hold models of its neighbours.
        Assert.Null(ben.KeyOf(note.Id));
        Assert.Null(ben.ThreadOfKey(MarkedText.Key(note.Id)));
        Assert.DoesNotContain(ben.Markup, html => html.Contains(MarkedText.Key(note.Id), StringComparison.Ordinal));

        // A live reply reaches every page, each as far as its reader sees the thread: Ben's still without the feedback.
        var answer = Reply(slogan, "Then argue it.", authorId: "ana-id", authorName: "Ana", created: bensReply.Created.AddMinutes(5));
        foreach (var (page, viewer) in new[] { (teacher, Teacher), (ana, Ana), (ben, Ben) })
            page.Receive(new AnnotationEvent(AnnotationEventKind.Created, answer), viewer);

        Assert.Equal([bensReply.Id, answer.Id], ben.Threads.Single(t => t.Id == slogan.Id).Replies.Select(r => r.Id));
        Assert.Equal([feedback.Id, bensReply.Id, answer.Id], ana.Threads.Single(t => t.Id == slogan.Id).Replies.Select(r => r.Id));
        Assert.Same(teacher.Threads.Single(t => t.Id == slogan.Id), ana.Threads.Single(t => t.Id == slogan.Id));
    }

    [Fact]
    public void A_thread_a_reader_may_no_longer_see_leaves_their_page_while_the_others_keep_it()
    {
        var all = new[] { slogan, character };
        var ana = PageOf(Ana, all);
        var teacher = PageOf(Teacher, all);
        var hidden = character with { Visibility = Visibility.Teachers, Access = character.Access with { AuthorId = "ben-id", Visibility = Visibility.Teachers }, Version = 2 };

        var changed = new AnnotationEvent(AnnotationEventKind.Updated, hidden, character);
        ana.Receive(changed, Ana);
        teacher.Receive(changed, Teacher);

        Assert.Equal([slogan.Id], ana.Threads.Select(t => t.Id));
        Assert.False(ana.Contains(character.Id));
        Assert.DoesNotContain(ana.Markup, html => html.Contains(MarkedText.Key(character.Id), StringComparison.Ordinal));
        Assert.Equal(Visibility.Teachers, teacher.Threads.Single(t => t.Id == character.Id).Root.Visibility);
    }

    [Fact]
    public void The_annotations_of_one_author_hold_one_copy_of_their_name_id_and_motivation()
    {
        // As a query makes them: a string of each for every row.
        var first = Thread(Excerpt, "Proletarians of all countries unite!", authorId: new string("ben-id"), authorName: new string("Ben"));
        var second = Thread(Excerpt, "brutal conquests", authorId: new string("ben-id"), authorName: new string("Ben"));

        var page = Page(first, second);

        var (a, b) = (page.Threads[0].Root, page.Threads[1].Root);
        Assert.Equal("ben-id", a.AuthorId);
        Assert.Same(a.AuthorId, b.AuthorId);
        Assert.Same(a.AuthorName, b.AuthorName);
        Assert.Same(a.Motivation, b.Motivation);
        Assert.Same(a.AuthorId, b.Access.AuthorId);
    }
    [Fact]
    public void Pages_of_readers_who_did_not_react_share_the_annotations_others_reacted_to_and_the_reactor_sees_her_own()
    {
        var reacted = character with { Reactions = [new Reactor(ReactionKinds.Upvote, "ana-id", "Ana")] };
        var all = new[] { slogan, reacted, note };

        var ben = Loaded(Ben, all);
        var teacher = Loaded(Teacher, all);
        var ana = Loaded(Ana, all);

        Assert.All(ben.Annotations, a => Assert.Same(teacher.Annotations.Single(b => b.Id == a.Id), a));
        Assert.All(Enumerable.Range(0, ben.Threads.Count), t => Assert.Same(teacher.Threads[t], ben.Threads[t]));
        // Ana upvoted: her page shows her upvote, which is hers alone; the others' pages do not.
        Assert.Equal([ReactionKinds.Upvote], ana.Threads.Single(t => t.Id == character.Id).Root.MyReactions);
        Assert.Empty(ben.Threads.Single(t => t.Id == character.Id).Root.MyReactions);
        Assert.Equal(1, ben.Threads.Single(t => t.Id == character.Id).Root.CountOf(ReactionKinds.Upvote));
        Assert.Same(ana.Threads.Single(t => t.Id == slogan.Id), ben.Threads.Single(t => t.Id == slogan.Id));
        // Ana's private note: in her page only.
        Assert.True(ana.Contains(note.Id));
        Assert.False(ben.Contains(note.Id));
        Assert.False(teacher.Contains(note.Id));
    }

    [Fact]
    public void Every_list_an_annotation_carries_is_compared_by_its_items_so_equal_loads_are_shared()
    {
        var annotation = character with
        {
            Reactions = [new Reactor(ReactionKinds.Upvote, "ana-id", "Ana")],
            MyReactions = [ReactionKinds.Upvote],
            MentionWarnings = [new MentionWarning("ben-id", "Ben", "not a member")],
        };
        var lists = typeof(AnnotationView).GetProperties()
            .Where(p => p.CanWrite && p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            .ToList();
        Assert.Contains(lists, p => p.Name == nameof(AnnotationView.Tags));

        foreach (var list in lists)
        {
            // Another load of the same annotation: an equal list, not the same instance (a query makes one a row).
            var copy = Clone(annotation);
            var items = (System.Collections.IEnumerable)list.GetValue(annotation)!;
            var fresh = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(list.PropertyType.GetGenericArguments()))!;
            foreach (var item in items) fresh.Add(item);
            list.SetValue(copy, fresh);

            Assert.True(SharedReading.SameAs(annotation, copy), $"{list.Name}: two loads of one annotation were not the same, so no page would share it");
        }
        Assert.False(SharedReading.SameAs(annotation, annotation with { MyReactions = [] }));
        Assert.False(SharedReading.SameAs(annotation, annotation with { Reactions = [] }));
    }

    /// <summary>A copy of a record to set one property of, as <c>with</c> makes one.</summary>
    private static AnnotationView Clone(AnnotationView annotation) =>
        (AnnotationView)typeof(AnnotationView).GetMethod("<Clone>$")!.Invoke(annotation, null)!;

    /// <summary>The page of <paramref name="viewer"/> as the reading page loads it: a query's rows (new lists each), as that reader is shown them.</summary>
    private static Discussion Loaded(Viewer viewer, params AnnotationView[] all)
    {
        var discussion = new Discussion();
        discussion.Load(new string(Excerpt.AsSpan()), all.Where(a => a.CanBeSeenBy(viewer))
            .Select(a => (a with { Tags = [.. a.Tags], Reactions = [.. a.Reactions] }).For(viewer)));
        return discussion;
    }
}
