// Where every four-char stretch of a text occurs. Locate is called for thousands of annotations of
// one document, and reading the whole text for each (a fuzzy search costs a hundred microseconds or
// more on 100 KB) is what made 10,000 calls take seconds; with the index, Neighbourhoods finds the few
// places that share stretches with a selector by lookups. One pass over the text builds it - a hash
// table chained through arrays, no sorting, about two milliseconds and 14 bytes a char (1.4 MB for
// 100 KB) - and it is kept exactly as long as the text string itself.
using System.Runtime.CompilerServices;

namespace Annotate.Shared.Anchoring;

internal sealed class TextIndex
{
    /// <summary>Chars per stretch: four UTF-16 units make one 64-bit key.</summary>
    public const int Gram = 4;

    private static readonly ConditionalWeakTable<string, TextIndex> Cache = [];

    private readonly string text;
    private readonly int shift;
    private readonly int[] head;     // bucket -> 1 + the last start of one stretch hashed there, 0 for none
    private readonly int[] next;     // start -> 1 + the last start of the next stretch in the same bucket
    private readonly int[] previous; // start -> 1 + the previous start of the same stretch, 0 for none
    private readonly int[] count;    // start -> occurrences of its stretch up to and including it

    private TextIndex(string text)
    {
        this.text = text;
        // Texts have far fewer distinct stretches than chars: a bucket for every two chars is plenty.
        var bits = Math.Max(4, (int)Math.Ceiling(Math.Log2(Math.Max(16, text.Length / 2))));
        shift = 64 - bits;
        head = new int[1 << bits];
        var starts = Math.Max(0, text.Length - Gram + 1);
        next = new int[starts];
        previous = new int[starts];
        count = new int[starts];
        var key = 0UL;
        for (var i = 0; i < text.Length; i++)
        {
            key = key >> 16 | (ulong)text[i] << 48;
            var start = i - Gram + 1;
            if (start < 0) continue;

            // A bucket chains one entry per distinct stretch, its last start, so that a common stretch
            // never lengthens the walk for a rare one; the new start takes its stretch's place there.
            var bucket = Bucket(key);
            int before = 0, p = head[bucket];
            while (p != 0 && KeyAt(p - 1) != key)
            {
                before = p;
                p = next[p - 1];
            }
            previous[start] = p;
            count[start] = p == 0 ? 1 : count[p - 1] + 1;
            next[start] = p == 0 ? head[bucket] : next[p - 1];
            if (p != 0 && before != 0) next[before - 1] = start + 1;
            else head[bucket] = start + 1;
        }
    }

    public static TextIndex For(string text) => Cache.GetValue(text, t => new TextIndex(t));

    /// <summary>How often <paramref name="gram"/> (four chars) occurs in the text.</summary>
    public int Count(ReadOnlySpan<char> gram)
    {
        var key = Key(gram);
        var latest = Latest(head[Bucket(key)], key);
        return latest == 0 ? 0 : count[latest - 1];
    }

    /// <summary>Adds every start of <paramref name="gram"/> to <paramref name="found"/>, last first.</summary>
    public void AddOccurrences(ReadOnlySpan<char> gram, List<int> found)
    {
        var key = Key(gram);
        for (var p = Latest(head[Bucket(key)], key); p != 0; p = previous[p - 1]) found.Add(p - 1);
    }

    /// <summary>1 + the last start of <paramref name="key"/> in the chain from <paramref name="p"/>, or 0.</summary>
    private int Latest(int p, ulong key)
    {
        while (p != 0 && KeyAt(p - 1) != key) p = next[p - 1];
        return p;
    }

    private ulong KeyAt(int start) => Key(text.AsSpan(start, Gram));

    private int Bucket(ulong key) => (int)(key * 0x9E3779B97F4A7C15UL >> shift);

    private static ulong Key(ReadOnlySpan<char> gram) =>
        gram[0] | (ulong)gram[1] << 16 | (ulong)gram[2] << 32 | (ulong)gram[3] << 48;
}
