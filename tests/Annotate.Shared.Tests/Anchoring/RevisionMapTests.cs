using Annotate.Shared.Anchoring;

namespace Annotate.Shared.Tests.Anchoring;

// Re-anchoring through the diff of two revisions of the sample article.
public class RevisionMapTests
{
    private static readonly string Article = SampleArticle.Canonical;

    [Fact]
    public void An_unedited_text_carries_every_span_unchanged()
    {
        var map = RevisionMap.Build(Article, Article);
        foreach (var (start, end) in new[] { (0, 8), (100, 180), (Article.Length - 40, Article.Length) })
        {
            var (quote, position) = TextAnchor.Describe(Article, new TextSpan(start, end));
            Assert.Equal(new TextSpan(start, end), map.MapUnchanged(new TextSpan(start, end)));
            Assert.Equal(new ReanchorResult(new TextSpan(start, end), ReanchorHow.Unchanged), map.Reanchor(quote, position));
        }
    }

    [Fact]
    public void Spans_around_a_fixed_typo_shift_and_the_span_with_it_is_fuzzy()
    {
        var typo = Article.IndexOf("revoluti onary", StringComparison.Ordinal);
        var edited = Article.Remove(typo + 8, 1); // "revolutionary"
        var map = RevisionMap.Build(Article, edited);

        var before = new TextSpan(typo - 200, typo - 100);
        var after = new TextSpan(typo + 200, typo + 300);
        var across = new TextSpan(typo - 10, typo + 20);

        Assert.Equal(before, map.MapUnchanged(before));
        Assert.Equal(new TextSpan(after.Start - 1, after.End - 1), map.MapUnchanged(after));
        Assert.Null(map.MapUnchanged(across));

        var (quote, position) = TextAnchor.Describe(Article, across);
        Assert.Equal(new ReanchorResult(new TextSpan(across.Start, across.End - 1), ReanchorHow.Fuzzy), map.Reanchor(quote, position));
    }

    [Fact]
    public void A_moved_paragraph_carries_its_annotations_along()
    {
        var paragraphs = Article.Split("\n\n").ToList();
        var moving = paragraphs.FindIndex(p => p.StartsWith("Unification on the goal", StringComparison.Ordinal));
        var paragraph = paragraphs[moving];
        paragraphs.RemoveAt(moving);
        paragraphs.Insert(2, paragraph);
        var edited = string.Join("\n\n", paragraphs);

        var oldStart = Article.IndexOf(paragraph, StringComparison.Ordinal) + 50;
        var newStart = edited.IndexOf(paragraph, StringComparison.Ordinal) + 50;
        var (quote, position) = TextAnchor.Describe(Article, new TextSpan(oldStart, oldStart + 12));

        var result = RevisionMap.Build(Article, edited).Reanchor(quote, position);

        Assert.Equal(new ReanchorResult(new TextSpan(newStart, newStart + 12), ReanchorHow.Moved), result);
    }

    [Fact]
    public void Annotations_on_a_deleted_paragraph_are_orphans()
    {
        var paragraph = Article.Split("\n\n").First(p => p.StartsWith("Stemming from", StringComparison.Ordinal));
        var at = Article.IndexOf(paragraph, StringComparison.Ordinal);
        var edited = Article.Remove(at, paragraph.Length + 2);
        var selections = new[] { (at, at + paragraph.Length), (at + 10, at + 40), (at + 300, at + 312) }
            .Select(s => TextAnchor.Describe(Article, new TextSpan(s.Item1, s.Item2)))
            .ToList();

        var results = Reanchoring.Reanchor(Article, edited, selections);

        Assert.All(results, r => Assert.Equal(new ReanchorResult(null, ReanchorHow.Orphan), r));
    }

    [Fact]
    public void Selectors_that_do_not_describe_the_old_text_still_go_to_locate()
    {
        var at = Article.IndexOf("steely indictment", StringComparison.Ordinal);
        var (quote, _) = TextAnchor.Describe(Article, new TextSpan(at, at + 17));
        var map = RevisionMap.Build(Article, Article.Replace("steely", "steel", StringComparison.Ordinal));

        // A position that fits no revision is no hint: the whole text is searched.
        Assert.Equal(ReanchorHow.Fuzzy, map.Reanchor(quote, new TextPositionSelector(900_000, 900_017)).How);
        // A position pointing 2,600 chars away from an edited passage: stale, and the context still finds it.
        Assert.Equal(ReanchorHow.Fuzzy, map.Reanchor(quote, new TextPositionSelector(5, 22)).How);
        Assert.Equal(ReanchorHow.Orphan, map.Reanchor(new TextQuoteSelector(""), new TextPositionSelector(5, 5)).How);
        Assert.Equal(ReanchorHow.Orphan, map.Reanchor(null!, null!).How);
        Assert.Equal(ReanchorHow.Fuzzy, map.Reanchor(quote, null!).How);
    }

    [Fact]
    public void The_word_diff_is_a_shortest_edit_script()
    {
        var random = new Random(11);
        for (var round = 0; round < 300; round++)
        {
            var a = Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(4)).ToArray();
            var b = Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(4)).ToArray();

            var matches = MyersDiff.Matches(a, b, 1000)!;

            Assert.Equal(LcsLength(a, b), matches.Count);
            Assert.All(matches, m => Assert.Equal(a[m.A], b[m.B]));
            Assert.All(matches.Zip(matches.Skip(1)), p => Assert.True(p.First.A < p.Second.A && p.First.B < p.Second.B));
        }
    }

    [Fact]
    public void A_diff_past_its_edit_bound_gives_up_and_leaves_the_text_to_locate()
    {
        Assert.Null(MyersDiff.Matches([.. Enumerable.Range(0, 50)], [.. Enumerable.Range(100, 50)], 20));

        // Two unrelated texts with no paragraph in common: nothing is carried, nothing thrown.
        var other = string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet. ", 800));
        var map = RevisionMap.Build(Article, other);
        Assert.Null(map.MapUnchanged(new TextSpan(1000, 1100)));
    }

    private static int LcsLength(int[] a, int[] b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = a[i - 1] == b[j - 1] ? d[i - 1, j - 1] + 1 : Math.Max(d[i - 1, j], d[i, j - 1]);
        return d[a.Length, b.Length];
    }
}
