using AngleSharp.Dom;
using Annotate.Shared;
using Annotate.Shared.Text;
using Annotate.Web.Components.Threads;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Discussion;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Threads;

public sealed class ThreadCardTests : MudComponentTest
{
    private const string Author = "ana-id";
    private const string Classmate = "ben-id";
    private const string Teacher = "teacher-id";

    private readonly AnnotationView root = Thread(Excerpt, "Proletarians of all countries unite!",
        body: "The **slogan** is older than the Manifesto.", authorId: Author, authorName: "Ana");

    private readonly List<(Guid Thread, string Body)> replies = [];
    private readonly List<Guid> deleted = [];
    private readonly List<(Guid Annotation, AnnotationEditor.Submission Submission)> edits = [];

    private IRenderedComponent<ThreadCard> RenderCard(string currentUserId, bool isTeacher = false, params AnnotationView[] threadReplies)
    {
        var span = SpanOf(Excerpt, root.Quote!.Exact);
        var paragraph = TextBlocks.Parse(Excerpt).Last(b => b.Start <= span.Start).ParagraphNumber;
        return Context.Render<ThreadCard>(ps => ps
            .Add(p => p.Thread, new ThreadModel(root, span, paragraph, threadReplies))
            .Add(p => p.Viewer, new Viewer(currentUserId, isTeacher ? SeminarRole.Teacher : SeminarRole.Student, null))
            .Add(p => p.Now, root.Created.AddMinutes(5))
            .Add(p => p.Actions, new ThreadActions(
                (thread, body) =>
                {
                    replies.Add((thread.Id, body));
                    return Task.FromResult<string?>(null);
                },
                (annotation, submission) =>
                {
                    edits.Add((annotation.Id, submission));
                    return Task.FromResult<string?>(null);
                },
                annotation =>
                {
                    deleted.Add(annotation.Id);
                    return Task.CompletedTask;
                })));
    }

    private static IReadOnlyList<string> ButtonsOf(IElement scope) =>
        scope.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ToList();

    private static IElement Button(IRenderedComponent<ThreadCard> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public void Shows_the_quote_author_time_rendered_body_and_a_Reply_button()
    {
        var cut = RenderCard(Classmate);

        Assert.Equal("Proletarians of all countries unite!", cut.Find(".thread-quote q").TextContent);
        Assert.Equal("¶ 2", cut.Find(".thread-pnum").TextContent.Trim());
        Assert.Equal("Ana", cut.Find(".thread-author").TextContent);
        Assert.Equal("5 min ago", cut.Find(".thread-time time").TextContent);
        var body = cut.Find(".thread-body");
        Assert.Equal("slogan", body.QuerySelector("strong")!.TextContent);
        Assert.Equal("The slogan is older than the Manifesto.", body.TextContent.Trim());
        // The contract names it "Reply": no aria-label may override the visible text.
        Assert.Null(Button(cut, "Reply").GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData(Author, false, new[] { "Edit", "Delete" })]
    [InlineData(Classmate, false, new string[0])]
    [InlineData(Teacher, true, new[] { "Delete" })]
    public void Only_the_author_may_edit_and_the_author_or_a_teacher_may_delete(string viewer, bool isTeacher, string[] actions)
    {
        var cut = RenderCard(viewer, isTeacher);

        Assert.Equal(actions, ButtonsOf(cut.Find(".thread-actions")));
    }

    [Fact]
    public void A_reply_offers_its_actions_to_its_own_author()
    {
        var reply = Reply(root, "Older by how much?", authorId: Classmate, authorName: "Ben");

        var cut = RenderCard(Classmate, false, reply);

        Assert.Equal("Ben", cut.Find(".thread-reply .thread-author").TextContent);
        Assert.Equal("Older by how much?", cut.Find(".thread-reply .thread-body").TextContent.Trim());
        Assert.Equal([], ButtonsOf(cut.FindAll(".thread-actions")[0]));
        Assert.Equal(["Edit", "Delete"], ButtonsOf(cut.Find(".thread-reply .thread-actions")));
    }

    [Fact]
    public void Delete_hands_the_annotation_to_the_delete_action()
    {
        var cut = RenderCard(Author);

        Button(cut, "Delete").Click();

        Assert.Equal([root.Id], deleted);
    }

    [Fact]
    public void Replying_posts_the_reply_and_closes_the_editor()
    {
        var cut = RenderCard(Classmate);

        Button(cut, "Reply").Click();
        var label = cut.FindAll("label").Single(l => l.TextContent.Trim() == "Your reply");
        cut.Find($"#{label.GetAttribute("for")}").Input("Older by how much?");
        cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Post reply").Click();

        Assert.Equal([(root.Id, "Older by how much?")], replies);
        Assert.Empty(cut.FindAll("textarea"));
        Assert.NotNull(Button(cut, "Reply"));
    }

    [Fact]
    public void Editing_starts_from_the_current_text_and_saving_closes_the_editor()
    {
        var cut = RenderCard(Author);

        Button(cut, "Edit").Click();
        Assert.Equal("The **slogan** is older than the Manifesto.", cut.Find("textarea").GetAttribute("value"));
        Assert.Empty(cut.FindAll(".thread-actions"));

        cut.Find("textarea").Input("The **slogan** is older than the Manifesto (1847).");
        Button(cut, "Save").Click();

        var (edited, submission) = Assert.Single(edits);
        Assert.Equal((root.Id, "The **slogan** is older than the Manifesto (1847).", root.Visibility), (edited, submission.Body, submission.Visibility));
        Assert.Equal(root.Tags, submission.Tags);
        Assert.Empty(cut.FindAll("textarea"));
        Assert.Equal(["Edit", "Delete"], ButtonsOf(cut.Find(".thread-actions")));
    }

    [Fact]
    public void A_card_redrawn_for_a_new_place_in_the_list_keeps_the_handlers_of_its_quote_and_thread_buttons()
    {
        // A teacher's card, with every thread action offered: the most buttons a card has.
        var cut = Context.Render<ThreadCard>(ps => ps
            .Add(p => p.Thread, new ThreadModel(root, SpanOf(Excerpt, root.Quote!.Exact), 2, [Reply(root, "A reply.")]))
            .Add(p => p.Viewer, new Viewer(Teacher, SeminarRole.Teacher, null))
            .Add(p => p.Position, 3)
            .Add(p => p.SetSize, 40)
            .Add(p => p.Actions, ThreadActionsFor.Everything));
        var handlers = Handlers(cut);
        Assert.Equal(["Reply", "Resolve"], ButtonsOf(cut.Find(".thread-footer")));

        // A thread posted further up the text: the card moves down the list.
        cut.Render(ps => ps.Add(p => p.Position, 4).Add(p => p.SetSize, 41));

        Assert.Equal("4", cut.Find("[role=article]").GetAttribute("aria-posinset"));
        // The same handlers: the browser is sent the card's new place, not a new handler for each button of each card
        // that moved. (The buttons of each post act on that post, so theirs are made with each drawing.)
        Assert.Equal(handlers, Handlers(cut));
    }

    [Fact]
    public void A_card_redrawn_for_a_new_place_in_the_list_keeps_the_handlers_of_each_posts_buttons()
    {
        // A teacher on a question with a reply: upvote, same question, mark as the answer, edit, delete, exemplary.
        var (question, answer) = QuestionWithReply();
        var cut = Context.Render<ThreadCard>(ps => ps
            .Add(p => p.Thread, new ThreadModel(question, SpanOf(Excerpt, question.Quote!.Exact), 2, [answer]))
            .Add(p => p.Viewer, new Viewer(Teacher, SeminarRole.Teacher, null))
            .Add(p => p.Position, 3)
            .Add(p => p.SetSize, 40)
            .Add(p => p.Actions, ThreadActionsFor.Everything with { React = (_, _, _) => Task.CompletedTask, Answer = (_, _, _) => Task.CompletedTask }));
        var handlers = PostHandlers(cut);
        Assert.Contains(handlers, h => h.StartsWith("Upvote=", StringComparison.Ordinal));
        Assert.Contains(handlers, h => h.StartsWith("Mark as the answer=", StringComparison.Ordinal));

        cut.Render(ps => ps.Add(p => p.Position, 4).Add(p => p.SetSize, 41));

        // The browser is sent the card's new place only, not a new handler for each post's buttons (issue 12: circuit
        // bytes per live event; 17 cards each sent a new upvote handler on every comment posted above them).
        Assert.Equal("4", cut.Find("[role=article]").GetAttribute("aria-posinset"));
        Assert.Equal(handlers, PostHandlers(cut));
    }

    [Fact]
    public void A_posts_button_kept_across_redraws_acts_on_the_post_as_it_is_now()
    {
        var (question, answer) = QuestionWithReply();
        var reactions = new List<(Guid Post, string Kind, bool On)>();
        var actions = ThreadActionsFor.Tests with
        {
            React = (post, kind, on) =>
            {
                reactions.Add((post.Id, kind, on));
                return Task.CompletedTask;
            },
        };
        IRenderedComponent<ThreadCard> Draw(AnnotationView root, AnnotationView reply) => Context.Render<ThreadCard>(ps => ps
            .Add(p => p.Thread, new ThreadModel(root, SpanOf(Excerpt, root.Quote!.Exact), 2, [reply]))
            .Add(p => p.Viewer, new Viewer(Classmate, SeminarRole.Student, null))
            .Add(p => p.Actions, actions));
        var cut = Draw(question, answer);
        cut.FindAll(".thread-reply button").Single(b => b.TextContent.Trim() == "Upvote").Click();

        // The upvote came back live: a new model of the thread, in which Ben has upvoted the reply.
        var upvoted = answer with { Reactions = [new Reactor(ReactionKinds.Upvote, Classmate, "Ben")], MyReactions = [ReactionKinds.Upvote] };
        cut.Render(ps => ps.Add(p => p.Thread, new ThreadModel(question, SpanOf(Excerpt, question.Quote!.Exact), 2, [upvoted])));
        cut.FindAll(".thread-reply button").Single(b => b.TextContent.Trim() == "Upvote").Click();
        cut.FindAll(".thread-entry button").First(b => b.TextContent.Trim() == "Upvote").Click();

        Assert.Equal([(answer.Id, ReactionKinds.Upvote, true), (answer.Id, ReactionKinds.Upvote, false), (question.Id, ReactionKinds.Upvote, true)], reactions);
    }

    /// <summary>Ana's question and Ana's reply to it (so a classmate and a teacher may react to both, and a teacher mark the reply as the answer).</summary>
    private (AnnotationView Question, AnnotationView Answer) QuestionWithReply()
    {
        var question = root with { Motivation = Motivations.Questioning };
        return (question, Reply(question, "Engels wrote it first.", authorId: Author, authorName: "Ana", created: question.Created.AddMinutes(2)));
    }

    /// <summary>The ids the renderer gave every button of the card's posts (bUnit shows them as blazor:onclick).</summary>
    private static List<string> PostHandlers(IRenderedComponent<ThreadCard> cut) =>
        cut.FindAll(".thread-actions button").Select(b => $"{b.TextContent.Trim()}={b.GetAttribute("blazor:onclick")}").ToList();

    /// <summary>The ids the renderer gave the handlers of the quote and the thread's own buttons (bUnit shows them as blazor:onclick).</summary>
    private static List<string> Handlers(IRenderedComponent<ThreadCard> cut) =>
        cut.FindAll(".thread-quote, .thread-footer button").Select(b => $"{b.TextContent.Trim()}={b.GetAttribute("blazor:onclick")}").ToList();
}
