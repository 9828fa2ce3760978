using Annotate.Shared.W3c;
using Annotate.Web.Components.Reading;
using Annotate.Web.Components.Search;
using Annotate.Web.Resources;
using Annotate.Web.Tests.Infrastructure;
using Annotate.Web.Tests.Languages;
using Bunit;
using Bunit.JSInterop;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>
/// The reading page's parts for a Vietnamese reader (issue 16): the live region says whole Vietnamese sentences (no
/// English pieces glued together), per count; the shortcuts help and the article's toolbar speak Vietnamese.
/// </summary>
public sealed class VietnameseReadingTests : MudComponentTest
{
    private readonly ManualClock clock = new();

    public VietnameseReadingTests() => Context.Services.AddSingleton<TimeProvider>(clock);

    private static string Said(IRenderedComponent<LiveAnnouncements> region) => region.Find("[role=status]").TextContent.Trim('\u00A0', ' ');

    private async Task<string> SentenceFor(params Arrival[] arrivals)
    {
        var region = Context.Render<LiveAnnouncements>();
        await region.InvokeAsync(() => region.Instance.Announce(arrivals));
        clock.Advance(Announcements.Window);
        region.WaitForAssertion(() => Assert.NotEqual("", Said(region)));
        return Said(region);
    }

    private static Arrival Comment(string author = "Ana", int? paragraph = 3) => new(author, Motivations.Commenting, IsReply: false, paragraph);

    private static Arrival Reply(string author = "Bình", int? paragraph = 3) => new(author, Motivations.Replying, IsReply: true, paragraph);

    [Theory]
    [InlineData(Motivations.Commenting, false, 3, "Bình luận mới của Lan ở đoạn 3")]
    [InlineData(Motivations.Replying, true, 2, "Trả lời mới của Lan ở đoạn 2")]
    [InlineData(Motivations.Questioning, false, 2, "Câu hỏi mới của Lan ở đoạn 2")]
    [InlineData(Motivations.Highlighting, false, null, "Đánh dấu mới của Lan")]
    [InlineData(Motivations.Assessing, true, null, "Nhận xét mới của Lan")]
    public async Task A_lone_arrival_is_one_vietnamese_sentence(string motivation, bool isReply, int? paragraph, string sentence)
    {
        using var vietnamese = UiCulture.Vietnamese();

        Assert.Equal(sentence, await SentenceFor(new Arrival("Lan", motivation, isReply, paragraph)));
    }

    [Fact]
    public async Task A_burst_is_counted_in_vietnamese()
    {
        using var vietnamese = UiCulture.Vietnamese();

        Assert.Equal("3 bình luận mới và 2 trả lời mới", await SentenceFor(Comment(), Reply(), Comment(), Reply(), Comment()));
    }

    [Theory]
    [InlineData(1, 1, "1 new comment and 1 new reply")]
    [InlineData(1, 2, "1 new comment and 2 new replies")]
    [InlineData(2, 1, "2 new comments and 1 new reply")]
    [InlineData(0, 1, "New reply by Bình on paragraph 3")]
    [InlineData(0, 4, "4 new replies")]
    public async Task Each_plural_form_of_the_english_summary_is_its_own_sentence(int comments, int replies, string sentence)
    {
        using var english = UiCulture.English();

        Assert.Equal(sentence, await SentenceFor([.. Enumerable.Repeat(Comment(), comments), .. Enumerable.Repeat(Reply(), replies)]));
    }

    [Fact]
    public async Task The_shortcuts_help_speaks_vietnamese_with_the_keys_as_printed()
    {
        using var vietnamese = UiCulture.Vietnamese();
        var module = Context.JSInterop.SetupModule("./Components/Reading/ReadingKeys.razor.js");
        var handle = module.SetupModule(invocation => invocation.Identifier == "attach");
        handle.Mode = JSRuntimeMode.Loose;
        handle.Setup<bool>("enabled").SetResult(false);
        var discussion = new Discussion();
        discussion.Load(Excerpt, [Thread(Excerpt, "Communist Manifesto", body: "First.")]);
        var provider = Context.Render<MudDialogProvider>();
        var keys = Context.Render<ReadingKeys>(ps => ps.Add(p => p.Threads, discussion.Threads).Add(p => p.Discussion, discussion));

        Assert.Equal("Phím tắt", keys.Find("button").TextContent.Trim());
        await keys.Find("button[aria-keyshortcuts='?']").ClickAsync(new());
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("[role=dialog]")));

        Assert.Equal("Phím tắt", provider.Find("#shortcuts-dialog-title").TextContent.Trim());
        var rows = provider.FindAll(".shortcuts-table tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(ReadingShortcuts.All.Count, rows.Count);
        Assert.Contains(["j", "Chuỗi thảo luận tiếp theo (đang tắt)"], rows);
        Assert.Contains(["Các phím mũi tên", "Trong văn bản: di chuyển theo đoạn văn (Lên, Xuống) hoặc theo ký tự (Trái, Phải); giữ Shift để chọn"], rows);
        Assert.Contains(["Ctrl+Enter", "Trong ô bình luận: đăng"], rows);
        Assert.Contains("Phím tắt một phím đang tắt trong trình duyệt này.", provider.Find("#shortcuts-state").TextContent);
        Assert.Equal(["Phím", "Chức năng"], provider.FindAll(".shortcuts-table th").Select(th => th.TextContent.Trim()));
    }

    [Fact]
    public void The_articles_hint_and_selection_toolbar_speak_vietnamese()
    {
        using var vietnamese = UiCulture.Vietnamese();
        var discussion = new Discussion();
        discussion.Load(Excerpt, []);
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = Context.Render<ArticleView>(ps => ps
            .Add(p => p.Title, "Manifesto")
            .Add(p => p.Discussion, discussion)
            .Add(p => p.Selection, new ArticleView.SelectedPassage(SpanOf(Excerpt, "Communist Manifesto"), 10, 10))
            .Add(p => p.OnAsk, _ => { }));

        Assert.StartsWith("Chọn bằng chuột", cut.Find("#article-keyboard-hint").TextContent.Trim());
        Assert.Equal("Đoạn trích đã chọn", cut.Find("[role=toolbar]").GetAttribute("aria-label"));
        Assert.Equal(["Chú thích", "Đặt câu hỏi", "Đánh dấu"], cut.FindAll("[role=toolbar] button").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public void Every_key_a_list_names_by_its_resource_key_exists()
    {
        // The shortcuts and the search syntax name their words by key, which the completeness check cannot see in code.
        var localizer = Context.Services.GetRequiredService<IStringLocalizer<Strings>>();
        var keys = ReadingShortcuts.All.Select(s => s.Action)
            .Concat(ReadingShortcuts.All.Where(s => s.KeysInWords).Select(s => s.Keys))
            .Concat(SearchHelp.Operators.Select(o => o.Meaning));

        Assert.DoesNotContain(keys, key => localizer[key].ResourceNotFound);
    }
}
