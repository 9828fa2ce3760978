using Microsoft.Playwright;

namespace Annotate.Bench.Reading;

/// <summary>
/// One browser, <see cref="Contexts"/> contexts (one person each) on one reading page. One of them selects a
/// passage, writes a comment and clicks Post; every other page notes, by its own clock, when the thread card
/// and its highlight are there. All pages run in one browser, so their clocks are the same clock: the latency
/// is the click (a capture listener on the button) to the DOM change (a MutationObserver), no polling.
/// </summary>
internal sealed class FanOutMeasure(Browser browser)
{
    public int Contexts { get; init; } = 20;

    public int Posts { get; init; } = 5;

    // Notes when a thread card holding the text, and that thread's highlight, are first in the page.
    private const string Watch =
        """
        text => new Promise(resolve => {
          const shown = () => {
            for (const card of document.querySelectorAll('[role=article][id^="thread-"]')) {
              if (!card.textContent.includes(text)) continue;
              const key = card.dataset.key ?? card.id.slice('thread-'.length);
              // Marks name threads in data-t (data-threads in builds before issue 12's first-render cut).
              if (document.querySelector(`article mark[data-t~="${key}"], article mark[data-threads~="${key}"]`)) return true;
            }
            return false;
          };
          if (shown()) { resolve(Date.now()); return; }
          const observer = new MutationObserver(() => {
            if (shown()) { observer.disconnect(); resolve(Date.now()); }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        })
        """;

    private const string SelectPassage =
        """
        passage => {
          for (const block of document.querySelectorAll('article .block-text')) {
            const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
            const nodes = [];
            let text = '';
            while (walker.nextNode()) { nodes.push({ node: walker.currentNode, start: text.length }); text += walker.currentNode.data; }
            const at = text.indexOf(passage);
            if (at < 0) continue;
            const point = offset => {
              for (const { node, start } of nodes) if (offset <= start + node.data.length) return [node, offset - start];
              return null;
            };
            const range = document.createRange();
            range.setStart(...point(at));
            range.setEnd(...point(at + passage.length));
            const selection = document.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            return true;
          }
          return false;
        }
        """;

    public async Task<List<double>> RunAsync(Account poster, IReadOnlyList<Account> readers, int documentId, string text)
    {
        var posterPage = await browser.OpenAsync(poster);
        await Browser.OpenReadingPageAsync(posterPage, documentId, poster.Name);
        var pages = new List<IPage>();
        foreach (var reader in readers)
        {
            var page = await browser.OpenAsync(reader);
            await Browser.OpenReadingPageAsync(page, documentId, reader.Name);
            pages.Add(page);
        }
        await posterPage.EvaluateAsync("() => document.addEventListener('click', e => { if (e.target.closest('button')?.textContent.trim() === 'Post') window.__postClickedAt = Date.now(); }, true)");

        var latencies = new List<double>();
        // Passages near the top of the text: where every open page's thread list starts.
        var passages = Passage.Random(text[..Math.Min(text.Length, 6000)], 99).Select(p => text[p.Start..p.End]).Distinct().Take(Posts);
        var n = 0;
        foreach (var passage in passages)
        {
            var comment = $"Fan-out {++n} {Guid.NewGuid():N}";
            var watches = pages.Select(page => page.EvaluateAsync<double>(Watch, comment)).ToList();
            if (!await posterPage.EvaluateAsync<bool>(SelectPassage, passage)) continue;
            await posterPage.GetByRole(AriaRole.Button, new() { Name = "Annotate", Exact = true }).ClickAsync();
            var box = posterPage.GetByRole(AriaRole.Textbox, new() { Name = "Comment", Exact = true });
            await box.FillAsync(comment);
            await posterPage.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
            var seen = await Task.WhenAll(watches).WaitAsync(TimeSpan.FromSeconds(30));
            var clicked = await posterPage.EvaluateAsync<double>("() => window.__postClickedAt");
            latencies.AddRange(seen.Select(at => at - clicked));
            // Wait for the poster's page to drop the used selection before the next one.
            await posterPage.WaitForFunctionAsync("() => document.getSelection().rangeCount === 0");
            await Task.Delay(500);
        }
        foreach (var page in pages.Append(posterPage)) await Browser.CloseAsync(page);
        return latencies;
    }
}
