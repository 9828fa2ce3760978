using Annotate.Shared.Anchoring;

namespace Annotate.Shared.Tests.Anchoring;

// The bit-vector matcher against the textbook O(nm) table, on random strings over small alphabets
// (many near matches) and on the sample article, for one-word and multi-word (blocked) patterns.
public class BitParallelPatternTests
{
    [Theory]
    [InlineData(1, 0, 7)]
    [InlineData(5, 1, 11)]
    [InlineData(40, 10, 12)]
    [InlineData(64, 16, 13)]
    [InlineData(65, 16, 14)]
    [InlineData(100, 25, 15)]
    [InlineData(130, 3, 16)]
    [InlineData(200, 50, 17)]
    [InlineData(300, 75, 18)]
    public void Search_reports_exactly_the_ends_the_full_table_reports(int patternLength, int k, int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 6; round++)
        {
            var alphabet = round % 2 == 0 ? "ab" : "abcdé";
            var text = RandomString(random, alphabet, 600);
            // Half the rounds plant a lightly edited copy of the pattern so that deep blocks get used.
            var pattern = round < 3 ? RandomString(random, alphabet, patternLength) : text.Substring(random.Next(0, 600 - patternLength), patternLength);

            var found = new List<EndMatch>();
            new BitParallelPattern(pattern).Search(text, k, 0, found);

            Assert.Equal(NaiveEnds(text, pattern, k), found);
        }
    }

    [Fact]
    public void Search_on_real_text_finds_an_edited_sentence()
    {
        var text = SampleArticle.Canonical;
        var sentence = "The proletariat and the oppressed peoples rose up to fight to break the chains and all oppression and injustice";
        var edited = sentence.Replace("rose up", "rise up", StringComparison.Ordinal).Replace("chains", "chain", StringComparison.Ordinal);

        var found = new List<EndMatch>();
        new BitParallelPattern(edited).Search(text, 4, 0, found);

        var end = text.IndexOf(sentence, StringComparison.Ordinal) + sentence.Length;
        Assert.Contains(new EndMatch(end, 2), found);
        Assert.Equal(NaiveEnds(text, edited, 4), found);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(150)]
    public void Anchored_gives_the_edit_distance_of_every_prefix(int patternLength)
    {
        var random = new Random(patternLength);
        var pattern = RandomString(random, "abc", patternLength);
        var text = RandomString(random, "abc", patternLength * 2);
        var distances = new int[text.Length];

        new BitParallelPattern(pattern).Anchored(text, distances);

        for (var j = 0; j < text.Length; j++)
            Assert.Equal(Levenshtein.Bounded(pattern, text.AsSpan(0, j + 1), int.MaxValue / 4), distances[j]);
    }

    [Fact]
    public void Banded_levenshtein_agrees_with_the_full_table()
    {
        var random = new Random(3);
        for (var i = 0; i < 500; i++)
        {
            var a = RandomString(random, "abc", random.Next(0, 30));
            var b = RandomString(random, "abc", random.Next(0, 30));
            var max = random.Next(0, 12);
            var full = FullLevenshtein(a, b);
            Assert.Equal(full <= max ? full : max + 1, Levenshtein.Bounded(a, b, max));
        }
    }

    private static string RandomString(Random random, string alphabet, int length) =>
        new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

    private static List<EndMatch> NaiveEnds(string text, string pattern, int k)
    {
        var m = pattern.Length;
        var column = Enumerable.Range(0, m + 1).ToArray();
        var ends = new List<EndMatch>();
        for (var j = 0; j < text.Length; j++)
        {
            var diagonal = column[0];
            for (var i = 1; i <= m; i++)
            {
                var up = column[i];
                column[i] = Math.Min(Math.Min(up + 1, column[i - 1] + 1), diagonal + (pattern[i - 1] == text[j] ? 0 : 1));
                diagonal = up;
            }
            if (column[m] <= k) ends.Add(new EndMatch(j + 1, column[m]));
        }
        return ends;
    }

    private static int FullLevenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
