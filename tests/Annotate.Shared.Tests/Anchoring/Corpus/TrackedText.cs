// A text under edit that remembers, for every char, which char of the original it came from (-1 for
// inserted text). That is the ground truth of the quality corpus: after any number of typos, deletions
// and moves, a selected span's text is wherever its original chars now are.
namespace Annotate.Shared.Tests.Anchoring.Corpus;

internal sealed class TrackedText
{
    private readonly List<char> chars;
    private readonly List<int> origins;

    public TrackedText(string original)
    {
        chars = [.. original];
        origins = [.. Enumerable.Range(0, original.Length)];
    }

    public int Length => chars.Count;

    public char this[int index] => chars[index];

    public override string ToString() => new([.. chars]);

    /// <summary>Origin of every char of the current text: its index in the original, or -1.</summary>
    public int[] Origins() => [.. origins];

    public void Insert(int at, string text)
    {
        chars.InsertRange(at, text);
        origins.InsertRange(at, Enumerable.Repeat(-1, text.Length));
    }

    public void Delete(int at, int length)
    {
        chars.RemoveRange(at, length);
        origins.RemoveRange(at, length);
    }

    /// <summary>A typo that keeps the char's place: the reader's span still covers it.</summary>
    public void Replace(int at, char c) => chars[at] = c;

    /// <summary>Cuts <c>[from, from + length)</c> and pastes it, origins and all, before what is now at <paramref name="to"/> once the cut is made.</summary>
    public void Move(int from, int length, int to)
    {
        var movedChars = chars.GetRange(from, length);
        var movedOrigins = origins.GetRange(from, length);
        Delete(from, length);
        chars.InsertRange(to, movedChars);
        origins.InsertRange(to, movedOrigins);
    }

    public string Substring(int start, int length) => new([.. chars.GetRange(start, length)]);
}
