using Annotate.Shared.Anchoring;
using Annotate.Shared.Search;

namespace Annotate.Shared.Tests.Search;

public class SearchMarksTests
{
    private static string[] Marked(string text, params string[] terms) =>
        SearchMarks.Find(text, terms).Select(s => text[s.Start..s.End]).ToArray();

    [Fact]
    public void Words_are_found_whole_ignoring_case()
    {
        Assert.Equal(["Workers", "workers"], Marked("Workers of the world; workers' rights, coworkers", "WORKERS"));
    }

    [Fact]
    public void A_phrase_is_its_words_in_order_across_punctuation()
    {
        Assert.Equal(["all, countries"], Marked("Proletarians of all, countries unite; countries all", "all countries"));
    }

    [Fact]
    public void Overlapping_matches_are_one_mark()
    {
        Assert.Equal(["of all countries"], Marked("workers of all countries", "of all", "all countries"));
    }

    [Fact]
    public void Vietnamese_words_match_in_either_Unicode_form()
    {
        var decomposed = "giai cấp công nhân".Normalize(System.Text.NormalizationForm.FormD);

        var secondSpace = decomposed.IndexOf(' ', decomposed.IndexOf(' ') + 1);

        Assert.Equal([new TextSpan(0, secondSpace)], SearchMarks.Find(decomposed, ["Giai Cấp"]));
    }

    [Fact]
    public void Vietnamese_words_are_marked_with_or_without_their_diacritics()
    {
        Assert.Equal(["thảo luận"], Marked("Buổi thảo luận hôm nay", "thao luan"));
        Assert.Equal(["Đường"], Marked("Đường về nhà", "duong"));
        Assert.Equal(["thao luan"], Marked("chung ta thao luan sau", "thảo luận"));
        Assert.Empty(Marked("con đường", "duong dai"));
    }

    [Fact]
    public void Terms_without_words_mark_nothing()
    {
        Assert.Empty(Marked("a text", "?!", ""));
    }
}
