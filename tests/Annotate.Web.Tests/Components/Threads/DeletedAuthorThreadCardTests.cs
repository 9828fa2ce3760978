using Annotate.Shared;
using Annotate.Shared.Text;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Threads;

/// <summary>A thread whose author deleted their account: named as such, its words replaced by a note, still open to replies.</summary>
public sealed class DeletedAuthorThreadCardTests : MudComponentTest
{
    private const string Teacher = "teacher-id";
    private const string Student = "ben-id";

    private static readonly AnnotationView Root = Thread(Excerpt, "Proletarians of all countries unite!") with
    {
        AuthorId = null,
        AuthorName = AnnotationService.DeletedAccountName,
        Body = "",
        Access = new VisibilityFacts(null, Visibility.Seminar, null),
        Modified = new DateTimeOffset(2025, 3, 20, 9, 0, 0, TimeSpan.Zero),
    };

    private IRenderedComponent<ThreadCard> RenderCard(string viewer, bool isTeacher)
    {
        var span = SpanOf(Excerpt, Root.Quote!.Exact);
        var paragraph = TextBlocks.Parse(Excerpt).Last(b => b.Start <= span.Start).ParagraphNumber;
        return Context.Render<ThreadCard>(ps => ps
            .Add(p => p.Thread, new ThreadModel(Root, span, paragraph, [Reply(Root, "Ben's reply stays.")]))
            .Add(p => p.Viewer, new Viewer(viewer, isTeacher ? SeminarRole.Teacher : SeminarRole.Student, null))
            .Add(p => p.Now, Root.Created.AddDays(7))
            .Add(p => p.Actions, ThreadActionsFor.Tests with
            {
                Feedback = (_, _) => Task.FromResult<string?>(null),
                Exemplary = (_, _) => Task.CompletedTask,
            }));
    }

    [Fact]
    public void Names_a_deleted_account_and_says_in_italics_that_the_words_went_with_it()
    {
        var cut = RenderCard(Student, isTeacher: false);

        Assert.Equal("Thread by a deleted account", cut.Find("[role=article]").GetAttribute("aria-label"));
        Assert.Equal("a deleted account", cut.FindAll(".thread-author")[0].TextContent);
        Assert.Equal("Deleted with its author's account.", cut.Find(".thread-deleted em").TextContent);
        Assert.Contains("Ben's reply stays.", cut.Markup);
        // Emptied by the deletion, not edited by anyone.
        Assert.Empty(cut.FindAll(".thread-edited"));
    }

    [Theory]
    [InlineData(Student, false, new string[0])]
    [InlineData(Teacher, true, new[] { "Delete" })]
    public void Anyone_may_reply_a_teacher_may_delete_and_no_one_may_edit_or_give_feedback(string viewer, bool isTeacher, string[] actions)
    {
        var cut = RenderCard(viewer, isTeacher);

        var rootActions = cut.FindAll(".thread-entry")[0].QuerySelector(".thread-actions")!;
        Assert.Equal(actions, rootActions.QuerySelectorAll("button").Select(b => b.TextContent.Trim()));
        var footer = cut.Find(".thread-footer").QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Contains("Reply", footer);
        Assert.DoesNotContain("Give feedback", footer);
    }
}
