namespace Annotate.WriteLoad;

/// <summary>Passages of 3-12 words that occur once in the text, with their selectors in code points.</summary>
internal sealed class Passages
{
    private readonly List<(string Exact, int Start, int End)> found = [];

    public Passages(string text, int seed)
    {
        var random = new Random(seed);
        var spaces = Enumerable.Range(1, text.Length - 2).Where(i => text[i] == ' ' && text[i - 1] != '\n').ToArray();
        for (var tries = 0; found.Count < 500 && tries < 20_000; tries++)
        {
            var i = random.Next(spaces.Length - 13);
            int from = spaces[i] + 1, to = spaces[i + random.Next(3, 13)];
            var exact = text[from..to];
            if (exact.Contains('\n') || text.IndexOf(exact, StringComparison.Ordinal) != from
                || text.IndexOf(exact, from + 1, StringComparison.Ordinal) >= 0) continue;
            found.Add((exact, CodePoints(text, from), CodePoints(text, to)));
        }
        if (found.Count == 0) throw new InvalidOperationException("The text has no passage that occurs once.");
    }

    public (string Exact, int Start, int End) Pick(Random random) => found[random.Next(found.Count)];

    private static int CodePoints(string text, int utf16)
    {
        var count = 0;
        foreach (var _ in text.AsSpan(0, utf16).EnumerateRunes()) count++;
        return count;
    }
}
