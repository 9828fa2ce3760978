using Annotate.Shared.Mentions;
using Annotate.Shared.Text;

namespace Annotate.Shared.Tests.Mentions;

public sealed class MentionSyntaxTests
{
    private const string Ana = "0b4e7a3c-1d2f-4e5a-9b8c-7d6e5f4a3b2c";
    private const string Binh = "9f8e7d6c-5b4a-4321-8765-43210fedcba9";

    [Fact]
    public void Finds_each_mention_with_its_person_name_and_place_in_the_body()
    {
        var body = $"Good point, @[Ana Lima]({MentionSyntax.Scheme}{Ana}) — and @[Bình Trần](user:{Binh}), see para 3.";

        var mentions = MentionSyntax.Parse(body);

        Assert.Equal(2, mentions.Count);
        Assert.Equal(new Mention(Ana, "Ana Lima", body.IndexOf("@[Ana", StringComparison.Ordinal), $"@[Ana Lima](user:{Ana})".Length), mentions[0]);
        Assert.Equal(Binh, mentions[1].UserId);
        Assert.Equal("Bình Trần", mentions[1].DisplayName);
        Assert.Equal($"@[Bình Trần](user:{Binh})", body.Substring(mentions[1].Offset, mentions[1].Length));
    }

    [Theory]
    [InlineData("`@[Ana](user:abc)` is how a mention is written")]
    [InlineData("    @[Ana](user:abc) in a code block")]
    [InlineData("[Ana](user:abc) without the at sign")]
    [InlineData("@![Ana](user:abc) an image")]
    [InlineData("@[Ana](https://example.org) an ordinary link")]
    [InlineData("@[Ana](user:) no id")]
    [InlineData("@[Ana](user:a%20b) not an id")]
    [InlineData("plain text, no mention at all")]
    public void What_only_looks_like_a_mention_is_none(string body) => Assert.Empty(MentionSyntax.Parse(body));

    [Fact]
    public void A_name_with_brackets_written_by_the_editor_reads_back_as_it_was()
    {
        var written = MentionSyntax.Write("Ana [TA] *Lima*", Ana);

        var mention = Assert.Single(MentionSyntax.Parse($"Hi {written}!"));

        Assert.Equal("Ana [TA] *Lima*", mention.DisplayName);
        Assert.Equal(Ana, mention.UserId);
        Assert.Equal(3, mention.Offset);
        Assert.Equal(written.Length, mention.Length);
    }

    [Fact]
    public void The_renderer_draws_a_mention_as_the_name_and_never_as_a_link()
    {
        var html = MarkdownRenderer.ToSafeHtml($"Thanks @[Ana Lima](user:{Ana}), and [the text](https://example.org).");

        Assert.Contains("<span class=\"mention\">Ana Lima</span>", html);
        Assert.DoesNotContain("user:", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<a "));
    }

    [Fact]
    public void A_mention_name_cannot_carry_markup_into_the_page()
    {
        var html = MarkdownRenderer.ToSafeHtml($"@[<img src=x onerror=alert(1)>](user:{Ana})");

        Assert.DoesNotContain("<img", html);
        Assert.Contains("mention", html);
    }
}
