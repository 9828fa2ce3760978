using AngleSharp.Dom;
using Annotate.Shared;
using Annotate.Shared.W3c;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Discussion;
using Bunit;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Threads;

/// <summary>A thread card's reactions and its question's answer: who is offered what, what a click asks for, who reacted.</summary>
public sealed class QuestionAndReactionCardTests : MudComponentTest
{
    private const string Asker = "ana-id";
    private const string Classmate = "ben-id";
    private const string Teacher = "teacher-id";

    private readonly List<(Guid Annotation, string Kind, bool On)> reactions = [];
    private readonly List<(Guid Thread, bool Answered, Guid? Reply)> answers = [];

    private static AnnotationView Question() => Thread(Excerpt, "Proletarians of all countries unite!", body: "Who said it first?",
        motivation: Motivations.Questioning, authorId: Asker, authorName: "Ana");

    private IRenderedComponent<ThreadCard> Render(AnnotationView root, string viewer, bool isTeacher = false, params AnnotationView[] replies) =>
        Context.Render<ThreadCard>(ps => ps
            .Add(p => p.Thread, new ThreadModel(root, SpanOf(Excerpt, root.Quote!.Exact), 2, replies))
            .Add(p => p.Viewer, new Viewer(viewer, isTeacher ? SeminarRole.Teacher : SeminarRole.Student, null))
            .Add(p => p.Actions, Infrastructure.ThreadActionsFor.Tests with
            {
                React = (annotation, kind, on) =>
                {
                    reactions.Add((annotation.Id, kind, on));
                    return Task.CompletedTask;
                },
                Answer = (thread, answered, reply) =>
                {
                    answers.Add((thread.Id, answered, reply));
                    return Task.CompletedTask;
                },
            }));

    private static IElement Button(IRenderedComponent<ThreadCard> cut, string name) =>
        cut.FindAll("button").Single(b => (b.GetAttribute("aria-label") ?? b.TextContent.Trim()) == name);

    private static bool HasButton(IRenderedComponent<ThreadCard> cut, string name) =>
        cut.FindAll("button").Any(b => (b.GetAttribute("aria-label") ?? b.TextContent.Trim()) == name);

    [Fact]
    public void A_classmate_upvotes_and_says_they_have_the_question_too_and_clicking_again_takes_it_back()
    {
        var question = Question() with { Reactions = [new Reactor(ReactionKinds.Upvote, Classmate, "Ben"), new Reactor(ReactionKinds.Upvote, Teacher, "Tess")] };
        var cut = Render(question, Classmate);

        var upvote = Button(cut, "Upvote");
        Assert.Equal("true", upvote.GetAttribute("aria-pressed"));
        Assert.Equal("2 upvotes: Ben, Tess.", cut.Find($"#{upvote.GetAttribute("aria-describedby")}").TextContent);
        Assert.Equal("2", upvote.ParentElement!.QuerySelector(".reaction-count")!.TextContent);
        var same = Button(cut, "I have this question too");
        Assert.Equal("false", same.GetAttribute("aria-pressed"));
        Assert.Equal("No one else has said they have this question yet.", cut.Find($"#{same.GetAttribute("aria-describedby")}").TextContent);

        Button(cut, "Upvote").Click();
        Button(cut, "I have this question too").Click();

        Assert.Equal([(question.Id, ReactionKinds.Upvote, false), (question.Id, ReactionKinds.SameQuestion, true)], reactions);
    }

    [Fact]
    public void The_author_cannot_react_to_their_own_but_sees_the_count_and_who_on_focus()
    {
        var question = Question() with { Reactions = [new Reactor(ReactionKinds.SameQuestion, Classmate, "Ben")] };
        var cut = Render(question, Asker);

        Assert.False(HasButton(cut, "Upvote"));
        Assert.False(HasButton(cut, "I have this question too"));
        var count = cut.FindAll(".reaction-count").Single();
        Assert.Equal("0", count.GetAttribute("tabindex"));
        Assert.Equal("1 person has this question too: Ben.", cut.Find($"#{count.GetAttribute("aria-describedby")}").TextContent);
    }

    [Fact]
    public void A_comment_is_no_question_it_has_only_the_upvote()
    {
        var comment = Thread(Excerpt, "Proletarians of all countries unite!", body: "A remark.", authorId: Asker, authorName: "Ana");
        var cut = Render(comment, Classmate);

        Assert.True(HasButton(cut, "Upvote"));
        Assert.False(HasButton(cut, "I have this question too"));
        Assert.False(HasButton(cut, "Mark answered"));
        Assert.DoesNotContain(cut.FindAll(".mud-chip-content"), c => c.TextContent == "Question");
    }

    [Theory]
    [InlineData(Asker, false, true)]
    [InlineData(Teacher, true, true)]
    [InlineData(Classmate, false, false)]
    public void The_asker_or_a_teacher_marks_it_answered_choosing_the_reply(string viewer, bool isTeacher, bool offered)
    {
        var question = Question();
        var reply = Reply(question, "Weitling, in 1838.", authorId: Classmate, authorName: "Ben");
        var cut = Render(question, viewer, isTeacher, reply);

        Assert.Equal(offered, HasButton(cut, "Mark answered"));
        Assert.Equal(offered, HasButton(cut, "Mark Ben's reply as the answer"));
        if (!offered) return;
        Button(cut, "Mark Ben's reply as the answer").Click();
        Button(cut, "Mark answered").Click();
        Assert.Equal([(question.Id, true, reply.Id), (question.Id, true, null)], answers);
    }

    [Fact]
    public void An_answered_question_says_so_and_marks_the_reply_that_answered_it()
    {
        var question = Question();
        var reply = Reply(question, "Weitling, in 1838.", authorId: Classmate, authorName: "Ben");
        var answered = question with { AnsweredAt = question.Created.AddHours(1), Answer = new AnswerMark(reply.Id, reply.Access) };
        var cut = Render(answered, Asker, false, reply);

        var chips = cut.FindAll(".mud-chip-content").Select(c => c.TextContent).ToList();
        Assert.Contains("Question", chips);
        Assert.Contains("Answered", chips);
        Assert.Contains("The answer", cut.FindAll(".thread-reply .mud-chip-content").Select(c => c.TextContent));
        Assert.False(HasButton(cut, "Mark Ben's reply as the answer"));
        Assert.Equal("true", Button(cut, "Mark unanswered").GetAttribute("aria-pressed"));
        Button(cut, "Mark unanswered").Click();
        Assert.Equal([(question.Id, false, (Guid?)null)], answers);
    }
}
