using System.Text;
using Annotate.Shared.Text;

namespace Annotate.Shared.Tests.Text;

public class TextLanguageTests
{
    private const string Vietnamese =
        "Tuyên ngôn của Đảng Cộng sản ra đời trong bối cảnh chủ nghĩa tư bản đã phát triển ở trình độ cao. " +
        "Mỗi nhóm đọc một đoạn trích, ghi chú và đặt câu hỏi cho giảng viên.";

    [Fact]
    public void The_sample_article_is_english() => Assert.Equal("en", TextLanguage.Detect(SampleArticle.Canonical));

    [Fact]
    public void Vietnamese_prose_is_vietnamese() => Assert.Equal("vi", TextLanguage.Detect(Vietnamese));

    [Fact]
    public void Decomposed_vietnamese_is_vietnamese_too() =>
        Assert.Equal("vi", TextLanguage.Detect(Vietnamese.Normalize(NormalizationForm.FormD)));

    [Fact]
    public void English_naming_a_few_vietnamese_places_or_french_words_stays_english() =>
        Assert.Equal("en", TextLanguage.Detect(
            "The seminar met in Hà Nội and later in Đà Nẵng to discuss the manifesto, its résumé and its naïve readers, " +
            "over a café, before the students wrote their essays on the history of class struggles in Europe and Asia."));

    [Fact]
    public void A_vietnamese_text_quoting_english_stays_vietnamese() =>
        Assert.Equal("vi", TextLanguage.Detect(Vietnamese + " \"A spectre is haunting Europe\", như Marx viết."));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1848 — 2026")]
    public void Nothing_to_read_is_english(string? text) => Assert.Equal("en", TextLanguage.Detect(text));

    [Theory]
    [InlineData("vi", "vi")]
    [InlineData(" EN ", "en")]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("zh-Hant-TW", "zh-Hant-TW")]
    [InlineData(null, null)]
    [InlineData("", null)]
    public void A_language_tag_is_stored_trimmed_with_its_language_lower_case(string? tag, string? stored)
    {
        Assert.True(TextLanguage.TryNormalise(tag, out var normalised));
        Assert.Equal(stored, normalised);
    }

    [Theory]
    [InlineData("English")]
    [InlineData("e")]
    [InlineData("en_US")]
    [InlineData("vi-")]
    [InlineData("<script>")]
    [InlineData("en-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd")]
    public void What_is_not_a_language_tag_is_refused(string tag) => Assert.False(TextLanguage.TryNormalise(tag, out _));
}
