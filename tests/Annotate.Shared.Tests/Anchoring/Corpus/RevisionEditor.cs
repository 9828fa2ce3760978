// Makes a new revision of a text the way a teacher might, at random but reproducibly (seeded):
// typos (a letter replaced, dropped, doubled or swapped with its neighbour), words inserted and
// deleted, whole sentences deleted and whole paragraphs moved. Works on a TrackedText so that the
// corpus knows where every original char went.
namespace Annotate.Shared.Tests.Anchoring.Corpus;

internal sealed record EditMix(int Typos, int WordInsertions, int WordDeletions, int SentenceDeletions, int ParagraphMoves)
{
    public static EditMix Teacher { get; } = new(Typos: 12, WordInsertions: 6, WordDeletions: 6, SentenceDeletions: 2, ParagraphMoves: 1);

    public static EditMix Heavy { get; } = new(Typos: 40, WordInsertions: 15, WordDeletions: 15, SentenceDeletions: 4, ParagraphMoves: 2);
}

internal sealed class RevisionEditor(Random random, IReadOnlyList<string> vocabulary)
{
    public static IReadOnlyList<string> VocabularyOf(string text) =>
        [.. Words(text).Select(w => text.Substring(w.Start, w.Length)).Where(w => w.Length >= 3).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public TrackedText Edit(string original, EditMix mix) => Apply(new TrackedText(original), mix);

    /// <summary>Edits <paramref name="text"/> in place (and returns it).</summary>
    public TrackedText Apply(TrackedText text, EditMix mix)
    {
        // Interleave the kinds so that later edits land on text earlier ones changed.
        var kinds = Enumerable.Repeat(0, mix.Typos)
            .Concat(Enumerable.Repeat(1, mix.WordInsertions))
            .Concat(Enumerable.Repeat(2, mix.WordDeletions))
            .Concat(Enumerable.Repeat(3, mix.SentenceDeletions))
            .Concat(Enumerable.Repeat(4, mix.ParagraphMoves))
            .OrderBy(_ => random.Next())
            .ToList();
        foreach (var kind in kinds)
        {
            switch (kind)
            {
                case 0: Typo(text); break;
                case 1: InsertWord(text); break;
                case 2: DeleteWord(text); break;
                case 3: DeleteSentence(text); break;
                default: MoveParagraph(text); break;
            }
        }
        return text;
    }

    private void Typo(TrackedText text)
    {
        int at;
        do at = random.Next(0, text.Length - 1); while (!char.IsLetter(text[at]));
        var letter = (char)('a' + random.Next(26));
        switch (random.Next(4))
        {
            case 0: text.Replace(at, letter); break;
            case 1: text.Delete(at, 1); break;
            case 2: text.Insert(at + 1, text[at].ToString()); break;
            default:
                var next = text[at + 1];
                if (!char.IsLetter(next)) goto case 0;
                text.Replace(at + 1, text[at]);
                text.Replace(at, next);
                break;
        }
    }

    private void InsertWord(TrackedText text)
    {
        var current = text.ToString();
        var spaces = Enumerable.Range(0, current.Length).Where(i => current[i] == ' ').ToList();
        text.Insert(spaces[random.Next(spaces.Count)], " " + vocabulary[random.Next(vocabulary.Count)]);
    }

    private void DeleteWord(TrackedText text)
    {
        var current = text.ToString();
        var words = Words(current).Where(w => w.Start > 0 && current[w.Start - 1] == ' ').ToList();
        var word = words[random.Next(words.Count)];
        text.Delete(word.Start - 1, word.Length + 1);
    }

    private void DeleteSentence(TrackedText text)
    {
        var current = text.ToString();
        // A sentence: from after ". " (or a paragraph start) to its own ". " inclusive.
        var ends = Enumerable.Range(0, current.Length - 1).Where(i => current[i] == '.' && current[i + 1] == ' ').ToList();
        var end = ends[random.Next(ends.Count)] + 2;
        var start = Math.Max(current.LastIndexOf(". ", end - 3, StringComparison.Ordinal) + 2, current.LastIndexOf("\n\n", end - 2, StringComparison.Ordinal) + 2);
        if (end - start > 0) text.Delete(start, end - start);
    }

    private void MoveParagraph(TrackedText text)
    {
        var current = text.ToString();
        var breaks = Enumerable.Range(0, current.Length - 1).Where(i => current[i] == '\n' && current[i + 1] == '\n').ToList();
        if (breaks.Count < 3) return;
        // Move "\n\n" + paragraph i (never the first) to after another paragraph.
        var i = random.Next(0, breaks.Count);
        var start = breaks[i];
        var end = i + 1 < breaks.Count ? breaks[i + 1] : current.Length;
        int to;
        do to = breaks[random.Next(breaks.Count)]; while (to >= start && to <= end);
        text.Move(start, end - start, to > end ? to - (end - start) : to);
    }

    private static IEnumerable<(int Start, int Length)> Words(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            yield return (start, i - start);
        }
    }
}
