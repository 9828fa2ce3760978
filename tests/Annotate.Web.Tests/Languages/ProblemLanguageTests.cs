using System.Net;
using System.Net.Http.Json;
using Annotate.Shared.Search;
using Annotate.Web.RateLimiting;
using Annotate.Web.Resources;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Languages;

/// <summary>
/// Problem answers speak the asker's language (issue 16): <c>Accept-Language: vi</c> gets the Vietnamese sentence,
/// no header the English one the code always had. One test per area whose sentences were English only.
/// </summary>
public sealed class ProblemLanguageTests : IAsyncLifetime
{
    private readonly AnnotateApp app = new();
    private Classroom room = null!;

    public async Task InitializeAsync() => room = await app.CreateClassroomAsync();
    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    [Fact]
    public async Task A_search_the_parser_cannot_read_is_explained_in_Vietnamese()
    {
        var answer = await InVietnamese(room.StudentA, HttpMethod.Get, $"/api/search?q={Uri.EscapeDataString("marx foo:bar")}&seminar={room.SeminarId}");

        var problem = await answer.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Không có trường \"foo:\". Hãy tìm theo user:, tag:, quote:, group:, doc: hoặc is:; để tìm đúng các từ này, hãy đặt chúng trong dấu ngoặc kép: \"foo:bar\".",
            problem.GetProperty("detail").GetString());
        Assert.Equal("Không thể dùng yêu cầu này", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("foo:bar")]
    [InlineData("user:")]
    [InlineData("tag:")]
    [InlineData("is:closed")]
    [InlineData("a b c d e f g h i j k l m n o p q r s t u")]
    [InlineData("501 letters")]
    public void The_English_resource_of_a_search_problem_is_the_parser_s_own_sentence(string search)
    {
        var parsed = SearchSyntax.Parse(search == "501 letters" ? new string('a', SearchSyntax.MaxLength + 1) : search);

        using (UiCulture.English()) Assert.Equal(parsed.Error, Words.For(parsed.Problem!));
        using (UiCulture.Vietnamese()) Assert.NotEqual(parsed.Error, Words.For(parsed.Problem!));
    }

    [Fact]
    public async Task A_document_without_a_title_is_refused_in_Vietnamese_and_in_English_without_a_language()
    {
        var url = $"/api/seminars/{room.SeminarId}/documents";

        var vietnamese = await InVietnamese(room.Teacher, HttpMethod.Post, url, JsonContent.Create(new { title = " ", text = "Words." }));
        var english = await room.Teacher.Http.PostAsJsonAsync(url, new { title = " ", text = "Words." });

        Assert.Equal("Tài liệu cần có tiêu đề.", await vietnamese.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal("The document needs a title.", await english.ProblemDetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_passage_not_in_the_text_and_a_body_without_a_target_are_refused_in_Vietnamese()
    {
        var url = $"/api/documents/{room.DocumentId}/annotations";
        var missing = room.Comment("spectre");
        missing["target"]!["selector"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = "words that are nowhere" });

        var vietnamese = await InVietnamese(room.StudentA, HttpMethod.Post, url, AnnotationCalls.LdJson(missing.ToJsonString()));
        var english = await room.StudentA.Http.PostAsync(url, AnnotationCalls.LdJson(missing.ToJsonString()));
        var untargeted = await InVietnamese(room.StudentA, HttpMethod.Post, url, AnnotationCalls.LdJson("""{"body": {"type": "TextualBody", "value": "x"}}"""));

        Assert.Equal("Không tìm thấy đoạn trích trong tài liệu: \"words that are nowhere\".", await vietnamese.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal("The quoted passage was not found in the document: \"words that are nowhere\".", await english.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal("Chú thích không có đích (target): hãy cho biết đoạn trích nào (target.selector) hoặc chú thích nào được trả lời.",
            await untargeted.ProblemDetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public void A_rate_limits_sentence_is_one_whole_sentence_in_Vietnamese_and_unchanged_in_English()
    {
        using (UiCulture.English())
        {
            Assert.Equal("Too many sign-in attempts from here. Try again in 40 seconds.", RateLimits.Sentence(RateLimitPolicy.SignIn, true, TimeSpan.FromSeconds(40)));
            Assert.Equal("Too many sign-in attempts for this account. Try again in 1 second.", RateLimits.Sentence(RateLimitPolicy.SignIn, false, TimeSpan.FromSeconds(1)));
        }
        using (UiCulture.Vietnamese())
            Assert.Equal("Quá nhiều lần tìm kiếm trong thời gian ngắn. Vui lòng thử lại sau 3 phút.", RateLimits.Sentence(RateLimitPolicy.Search, false, TimeSpan.FromMinutes(3)));
    }

    [Fact]
    public async Task A_tag_with_a_bad_colour_is_refused_in_Vietnamese()
    {
        var answer = await InVietnamese(room.Teacher, HttpMethod.Post, $"/api/seminars/{room.SeminarId}/tags",
            JsonContent.Create(new { name = "Context", colour = "red" }));

        Assert.Equal("Màu của thẻ được viết theo dạng #rrggbb, ví dụ #fde68a; \"red\" không đúng dạng này.",
            await answer.ProblemDetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task An_unknown_reaction_and_a_comment_with_too_many_tags_are_refused_in_Vietnamese()
    {
        var annotation = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("spectre"));
        var tooManyTags = room.Comment("spectre", tags: [.. Enumerable.Range(1, 21).Select(i => $"t{i}")]);

        var reaction = await InVietnamese(room.StudentB, HttpMethod.Post, $"{annotation.Iri()}/reactions/applause");
        var tagged = await InVietnamese(room.StudentB, HttpMethod.Post, $"/api/documents/{room.DocumentId}/annotations", AnnotationCalls.LdJson(tooManyTags.ToJsonString()));

        Assert.Equal("Không có phản hồi \"applause\". Hãy dùng upvote hoặc same-question.", await reaction.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal("Một chú thích có tối đa 20 thẻ.", await tagged.ProblemDetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task What_the_permission_rule_refuses_is_said_in_Vietnamese()
    {
        var annotation = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("spectre"));

        var delete = await InVietnamese(room.StudentB, HttpMethod.Delete, annotation.Iri());
        var upvote = await InVietnamese(room.StudentA, HttpMethod.Post, $"{annotation.Iri()}/reactions/upvote");

        Assert.Equal("Chỉ tác giả hoặc giảng viên mới xóa được chú thích.", await delete.ProblemDetailAsync(HttpStatusCode.Forbidden));
        Assert.Equal("Tán thành là dành cho chú thích của người khác, không phải của chính bạn.", await upvote.ProblemDetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task An_export_whose_dates_are_reversed_is_refused_in_Vietnamese()
    {
        var answer = await InVietnamese(room.StudentA, HttpMethod.Get, $"/api/documents/{room.DocumentId}/export?format=csv&from=2026-12-05&to=2026-12-01");

        Assert.Equal("Ngày bắt đầu (2026-12-05) nằm sau ngày kết thúc (2026-12-01).", await answer.ProblemDetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task An_import_s_refusal_and_its_report_are_in_Vietnamese()
    {
        var url = $"/api/documents/{room.DocumentId}/import";
        var file = ImportJson.Collection(
            ImportJson.W3c("urn:one", room.DocumentText, "spectre", "A note."),
            ImportJson.W3cReply("urn:two", "urn:nowhere", "An answer to nothing."));

        var broken = await InVietnamese(room.StudentA, HttpMethod.Post, url, AnnotationCalls.LdJson("{ \"items\": [ }"));
        var report = await (await InVietnamese(room.StudentA, HttpMethod.Post, url, AnnotationCalls.LdJson(file.ToJsonString()))).JsonAsync();

        Assert.StartsWith("Tệp không phải JSON hợp lệ: ", await broken.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal("Nó trả lời \"urn:nowhere\", nhưng chú thích đó không có trong tệp này cũng không có trên tài liệu này.",
            report.GetProperty("rejected")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_language_picker_refuses_an_unknown_language_in_Vietnamese()
    {
        var browser = AccountPages.Browser(app);
        browser.DefaultRequestHeaders.Add("Accept-Language", "vi");
        var page = WebUtility.HtmlDecode(await (await browser.GetAsync("/")).Content.ReadAsStringAsync());

        var picked = await browser.PostAsync("/language", new FormUrlEncodedContent(
            [new(HtmlPage.TokenField, HtmlPage.FormToken(page, "form.language-picker")!), new("language", "fr"), new("returnUrl", "/")]));

        var problem = await picked.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Ngôn ngữ không xác định", problem.GetProperty("title").GetString());
        Assert.Equal("Annotate dùng được English (en) và Tiếng Việt (vi); hãy chọn một trong hai.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_problem_the_framework_answers_has_a_Vietnamese_sentence()
    {
        var answer = await InVietnamese(room.StudentA, HttpMethod.Get, "/api/nothing-here");

        Assert.Equal("Không có gì bạn được xem ở địa chỉ này.", await answer.ProblemDetailAsync(HttpStatusCode.NotFound));
    }

    private static Task<HttpResponseMessage> InVietnamese(ApiUser user, HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("Accept-Language", "vi");
        return user.Http.SendAsync(request);
    }
}
