using Annotate.Shared;
using Annotate.Shared.W3c;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Discussion;
using Annotate.Web.Tests.Infrastructure;
using Annotate.Web.Tests.Languages;
using Bunit;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Threads;

/// <summary>
/// A thread card, its editor and the sidebar's filters drawn for a Vietnamese reader (issue 16): every word of the
/// interface in Vietnamese, the readers' own words (names, comments) as they wrote them.
/// </summary>
public sealed class VietnameseThreadCardTests : MudComponentTest
{
    private const string Author = "ana-id";
    private const string Teacher = "teacher-id";

    private readonly AnnotationView question = Thread(Excerpt, "Proletarians of all countries unite!", body: "Who said it first?",
        motivation: Motivations.Questioning, authorId: Author, authorName: "Ana") with
    {
        Reactions = [new Reactor(ReactionKinds.Upvote, "ben-id", "Ben"), new Reactor(ReactionKinds.Upvote, Teacher, "Tess")],
        AuthorRole = SeminarRole.Student,
    };

    private IRenderedComponent<ThreadCard> RenderCard(AnnotationView root, string viewer, bool isTeacher, params AnnotationView[] replies) =>
        Context.Render<ThreadCard>(ps => ps
            .Add(p => p.Thread, new ThreadModel(root, SpanOf(Excerpt, root.Quote!.Exact), 2, replies))
            .Add(p => p.Viewer, new Viewer(viewer, isTeacher ? SeminarRole.Teacher : SeminarRole.Student, null))
            .Add(p => p.Now, root.Created.AddMinutes(5))
            .Add(p => p.Actions, ThreadActionsFor.Everything with
            {
                React = (_, _, _) => Task.CompletedTask,
                Answer = (_, _, _) => Task.CompletedTask,
            }));

    private static List<string> ButtonTexts(IRenderedComponent<ThreadCard> cut) => cut.FindAll("button").Select(b => b.TextContent.Trim()).ToList();

    [Fact]
    public void A_teachers_card_speaks_vietnamese_and_keeps_the_readers_words()
    {
        using var vietnamese = UiCulture.Vietnamese();
        var reply = Reply(question, "Marx and Engels.");

        var cut = RenderCard(question, Teacher, isTeacher: true, reply);

        Assert.Equal("Chuỗi thảo luận của Ana", cut.Find("[role=article]").GetAttribute("aria-label"));
        Assert.Equal("Xem đoạn trích trong đoạn văn 2:", cut.Find(".thread-quote .mud-sr-only").TextContent.Trim());
        Assert.Equal("5 phút trước", cut.FindAll(".thread-time time")[0].TextContent);
        Assert.Contains("Câu hỏi", cut.FindAll(".mud-chip-content").Select(c => c.TextContent));
        var buttons = ButtonTexts(cut);
        Assert.Contains("Trả lời", buttons);
        Assert.Contains("Viết nhận xét", buttons);
        Assert.Contains("Đánh dấu là đã được trả lời", buttons);
        Assert.Contains("Đánh dấu đã giải quyết", buttons);
        Assert.Contains("Chọn làm câu trả lời", buttons);
        Assert.Contains("Xóa", buttons);
        Assert.Contains("Tán thành", buttons);
        Assert.Contains("Tôi cũng có câu hỏi này", buttons);
        Assert.Equal("2 lượt tán thành: Ben, Tess.", cut.Find($"#reactors-{ReactionKinds.Upvote}-{question.Id:N}").TextContent);
        Assert.Equal("Chọn là tiêu biểu: câu trả lời của Ben",
            cut.FindAll("button").Single(b => b.GetAttribute("aria-label")?.EndsWith("Ben", StringComparison.Ordinal) == true
                && b.TextContent.Trim() == "Chọn là tiêu biểu").GetAttribute("aria-label"));
        // The readers' own words are never translated.
        Assert.Equal("Who said it first?", cut.FindAll(".thread-body")[0].TextContent.Trim());
        Assert.DoesNotContain(buttons, b => b is "Reply" or "Delete" or "Upvote" or "Resolve");
    }

    [Fact]
    public void The_reply_editor_and_a_resolved_thread_speak_vietnamese()
    {
        using var vietnamese = UiCulture.Vietnamese();
        var resolved = question with { ResolvedAt = question.Created.AddMinutes(1) };

        var cut = RenderCard(resolved, "ben-id", isTeacher: false, Reply(resolved, "Marx."));

        Assert.Equal("Đã giải quyết · 2 bài viết", cut.Find(".thread-resolved span").TextContent);
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Hiện thảo luận").Click();
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Trả lời").Click();

        var labels = cut.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("Câu trả lời của bạn", labels);
        Assert.NotNull(cut.FindAll("button").SingleOrDefault(b => b.GetAttribute("aria-label") == "Gửi trả lời"));
        Assert.Contains("Hủy", ButtonTexts(cut));
    }

    [Fact]
    public void The_editor_speaks_vietnamese_and_counts_as_vietnamese_writes_numbers()
    {
        using var vietnamese = UiCulture.Vietnamese();

        var cut = Context.Render<AnnotationEditor>(ps => ps
            .Add(p => p.OnSubmit, _ => Task.FromResult<string?>(null))
            .Add(p => p.ShowTags, true));

        Assert.Contains("Bình luận", cut.FindAll("label").Select(l => l.TextContent.Trim()));
        Assert.Contains("Thẻ", cut.FindAll("label").Select(l => l.TextContent.Trim()));
        var group = cut.Find("[role=radiogroup]");
        Assert.Equal("Ai được xem", group.GetAttribute("aria-label"));
        Assert.Equal(["Cả lớp thảo luận", "Tôi và các giảng viên", "Chỉ mình tôi"], group.QuerySelectorAll("label").Select(l => l.TextContent.Trim()));
        Assert.Equal(["Xem trước", "Hủy", "Đăng"], cut.FindAll(".editor-actions button").Select(b => b.TextContent.Trim()));
        // 20.000: Vietnamese groups thousands with a dot.
        Assert.Contains("Markdown: **đậm**, *nghiêng*, [liên kết](https://…), - danh sách · 0 / 20.000", cut.Find(".mud-input-helper-text").TextContent);
    }

    [Fact]
    public void The_filter_bar_speaks_vietnamese()
    {
        using var vietnamese = UiCulture.Vietnamese();
        var thread = new ThreadModel(question, SpanOf(Excerpt, question.Quote!.Exact), 2, []);

        var cut = Context.Render<ThreadFilterBar>(ps => ps.Add(p => p.Threads, [thread, thread]).Add(p => p.Filter, ThreadFilter.None));

        Assert.Equal("Sắp xếp và lọc các chuỗi thảo luận", cut.Find("[role=group]").GetAttribute("aria-label"));
        // The sort's label, and its choices in the browser's own list.
        Assert.Equal("Sắp xếp chuỗi thảo luận", cut.Find("label.thread-sort .thread-sort-label").TextContent.Trim());
        Assert.Contains("Được tán thành nhiều nhất", cut.FindAll("label.thread-sort option").Select(o => o.TextContent.Trim()));
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Bộ lọc").Click();
        var labels = cut.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("Thẻ", labels);
        Assert.Contains("Tác giả", labels);
        Assert.Contains("Loại", labels);
        Assert.Contains("Trạng thái", labels);
        Assert.Contains("Câu hỏi chưa được trả lời", cut.Markup);
        Assert.Contains("Của tôi (tôi đã viết hoặc trả lời)", cut.Markup);
    }
}
