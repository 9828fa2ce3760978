namespace Annotate.Bench.Reading;

/// <summary>A passage of the text (UTF-16 offsets): 3-12 whole words inside one paragraph.</summary>
internal readonly record struct Passage(int Start, int End)
{
    /// <summary>Endless seeded passages all over the text; overlaps included, as in a real discussion.</summary>
    public static IEnumerable<Passage> Random(string text, int seed)
    {
        var random = new Random(seed);
        var spaces = Enumerable.Range(1, text.Length - 1).Where(i => text[i] == ' ' && text[i - 1] != '\n').ToArray();
        while (true)
        {
            var i = random.Next(spaces.Length - 13);
            var start = spaces[i] + 1;
            var end = spaces[i + random.Next(3, 13)];
            if (text.AsSpan(start, end - start).Contains('\n')) continue;
            yield return new Passage(start, end);
        }
    }
}
