namespace Annotate.Web.Components.Reading;

/// <summary>
/// What each block of the article shows in a live circuit. A text drawn for the first time (the circuit's first
/// render, a new revision) has its marks brought in at most <see cref="Budget"/> characters a render: a render is
/// one batch to the browser, and the server keeps buffers the size of the largest batch it has written, on every
/// thread that wrote one; the 200 KB of marks of a discussion of 2,000 threads in one batch left about 900 KB of
/// buffers a thread (issue 12, memory per open page). Blocks not yet brought in show their words without marks (the
/// same text, so the page keeps its height and offsets), never marks of an earlier state, which may be of threads the
/// reader no longer sees. Once drawn, every change comes whole in one render, as it did: nothing a reader sees flickers.
/// </summary>
internal sealed class ArticleDrawing
{
    /// <summary>Characters of marked blocks a render brings in: with the rest of a first render, a batch under 128 KB.</summary>
    public const int Budget = 16 * 1024;

    private string[] shown = [];
    private string? text;

    /// <summary>Each block's markup as drawn now.</summary>
    public IReadOnlyList<string> Shown => shown;

    /// <summary>Whether some block still shows its plain words in place of the discussion's markup: draw again.</summary>
    public bool CatchingUp { get; private set; }

    /// <summary>
    /// Brings the blocks to the discussion's markup: while a text is being drawn for the first time, at most
    /// <paramref name="budget"/> characters of it (and at least one block); else all of it.
    /// </summary>
    public void Advance(Discussion discussion, int budget)
    {
        var target = discussion.Markup;
        var plain = SharedReading.PlainBlocks(discussion.Text);
        if (!ReferenceEquals(text, discussion.Text) || shown.Length != target.Count)
        {
            shown = [.. plain];
            text = discussion.Text;
            CatchingUp = true;
        }
        if (!CatchingUp)
        {
            for (var b = 0; b < shown.Length; b++) shown[b] = target[b];
            return;
        }
        CatchingUp = false;
        var left = budget;
        for (var b = 0; b < shown.Length; b++)
        {
            if (ReferenceEquals(shown[b], target[b])) continue;
            if (target[b].Length <= left || left == budget)
            {
                shown[b] = target[b];
                left -= target[b].Length;
            }
            else
            {
                shown[b] = plain[b];
                CatchingUp = true;
            }
        }
    }
}
