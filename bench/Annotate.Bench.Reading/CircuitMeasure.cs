using Microsoft.Playwright;

namespace Annotate.Bench.Reading;

/// <summary>
/// What the circuit carries for one open reading page: its first interactive render, and each live event
/// afterwards (another reader posts a comment through the API; the page shows its highlight). Bytes from the
/// server to the page, counted on the page's WebSocket.
/// </summary>
internal static class CircuitMeasure
{
    public sealed record Result(long FirstRender, double PerEvent, double SentPerEvent, int Events);

    /// <summary>Bytes of the first interactive render of any page (no live events): the bare page's baseline.</summary>
    public static async Task<long> FirstRenderAsync(Browser browser, Account reader, string path)
    {
        var page = await browser.OpenAsync(reader);
        var bytes = new CircuitBytes(page);
        await page.GotoAsync(path);
        await bytes.InteractiveAsync();
        var total = bytes.Received;
        await Browser.CloseAsync(page);
        return total;
    }

    public static async Task<Result> RunAsync(Browser browser, Account reader, Account author, int documentId, string text, int events, int seed)
    {
        var page = await browser.OpenAsync(reader);
        var bytes = new CircuitBytes(page);
        await Browser.OpenReadingPageAsync(page, documentId, reader.Name);
        await bytes.SettleAsync(TimeSpan.FromSeconds(1));
        var firstRender = bytes.Received;

        bytes.Reset();
        // To see what the bytes of the live events are: BENCH_SAVE_FRAMES=dir keeps each message the page receives.
        if (Environment.GetEnvironmentVariable("BENCH_SAVE_FRAMES") is { Length: > 0 } folder)
        {
            bytes.SaveTo = Path.Combine(folder, $"document-{documentId}");
            Directory.CreateDirectory(bytes.SaveTo);
        }
        var posted = 0;
        foreach (var passage in Passage.Random(text, seed))
        {
            if (posted == events) break;
            if (await Site.CommentAsync(author, documentId, text, passage, $"Live note {posted}: and *this*?") is not { } id) continue;
            // Its highlight, however this build names threads in its marks.
            await page.WaitForSelectorAsync(MarkSelector.Of(id), new() { State = WaitForSelectorState.Attached, Timeout = 20_000 });
            // One event at a time: each settles before the next, so a redraw throttle does not merge them.
            await bytes.SettleAsync(TimeSpan.FromMilliseconds(400));
            posted++;
        }
        var result = new Result(firstRender, (double)bytes.Received / posted, (double)bytes.Sent / posted, posted);
        await Browser.CloseAsync(page);
        return result;
    }
}
