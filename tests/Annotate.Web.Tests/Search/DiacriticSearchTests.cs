using System.Text;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Search;

/// <summary>
/// Vietnamese search (issue 16): a word is found with or without its diacritics, "đ" as "d" too, in the comment and in
/// the quote, whichever Unicode form the text or the query came in; on both engines (FTS5 and tsvector fold apart).
/// </summary>
[EngineSpecific]
public sealed class DiacriticSearchTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Text = """
        Buổi thảo luận hôm nay bàn về con đường của văn học hiện đại Việt Nam.

        Mỗi nhóm đọc một đoạn trích và đặt câu hỏi cho giảng viên.
        """;

    [Theory]
    [InlineData("thao luan")]
    [InlineData("thảo luận")]
    [InlineData("THẢO LUẬN")]
    [InlineData("\"thao luan\"")]
    public async Task A_comment_is_found_with_and_without_its_diacritics(string query)
    {
        var room = await app.CreateClassroomAsync(Text);
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("câu hỏi", "Chúng ta thảo luận điều này ở lớp nhé."));

        Assert.Equal([thread.Iri()], await room.StudentB.FoundAsync(room.SeminarId, query));
    }

    [Theory]
    [InlineData("duong")]
    [InlineData("đuong")]
    [InlineData("Đường")]
    [InlineData("quote:\"hien dai\"")]
    public async Task A_quote_is_found_with_d_for_đ_and_without_its_diacritics(string query)
    {
        var room = await app.CreateClassroomAsync(Text);
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("con đường của văn học hiện đại", "Một nhận xét"));

        Assert.Equal([thread.Iri()], await room.StudentB.FoundAsync(room.SeminarId, query));
    }

    [Fact]
    public async Task Decomposed_text_and_a_composed_query_find_each_other()
    {
        var room = await app.CreateClassroomAsync(Text);
        var pasted = await room.StudentA.CreateAnnotationAsync(room.DocumentId,
            room.Comment("câu hỏi", "Nhóm chúng tôi đồng ý".Normalize(NormalizationForm.FormD)));

        Assert.Equal([pasted.Iri()], await room.StudentB.FoundAsync(room.SeminarId, "đồng ý"));
        Assert.Equal([pasted.Iri()], await room.StudentB.FoundAsync(room.SeminarId, "đồng ý".Normalize(NormalizationForm.FormD)));
        Assert.Equal([pasted.Iri()], await room.StudentB.FoundAsync(room.SeminarId, "dong y"));
    }

    [Fact]
    public async Task A_word_that_is_not_there_still_finds_nothing()
    {
        var room = await app.CreateClassroomAsync(Text);
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("câu hỏi", "Chúng ta thảo luận điều này ở lớp nhé."));

        Assert.Empty(await room.StudentB.FoundAsync(room.SeminarId, "thao luan -lop"));
        Assert.Empty(await room.StudentB.FoundAsync(room.SeminarId, "\"luan thao\""));
    }
}
