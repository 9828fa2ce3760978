using Annotate.Web.Components.Reading;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E.Infrastructure;

/// <summary>
/// The reading page as a person uses it, through the accessible names the contract promises
/// (docs/contract.md §5): the article, Annotate/Highlight, the Comment textbox, Visibility, Post, Reply.
/// </summary>
/// <param name="documentId">The document <see cref="OpenAsync"/> opens when given none: the one its reader reads with others.</param>
public sealed class ReadingPage(IPage page, string displayName, int documentId)
{
    public const string SampleTitle = "Proletarian Internationalism in the Communist Manifesto";

    public IPage Page => page;

    /// <summary>The document <see cref="OpenAsync"/> opens when given none.</summary>
    public int DocumentId => documentId;

    public ILocator Article => page.GetByRole(AriaRole.Article, new() { Name = SampleTitle, Exact = true });

    public ILocator Marks => Article.Locator("mark");

    public ILocator ReadingNow => page.GetByRole(AriaRole.Region, new() { Name = "Reading now", Exact = true });

    public ILocator AnnotateButton => page.GetByRole(AriaRole.Button, new() { Name = "Annotate", Exact = true });

    public ILocator HighlightButton => page.GetByRole(AriaRole.Button, new() { Name = "Highlight", Exact = true });

    public ILocator CommentBox => page.GetByRole(AriaRole.Textbox, new() { Name = "Comment", Exact = true });

    public ILocator Visibility => page.GetByRole(AriaRole.Radiogroup, new() { Name = "Visibility", Exact = true });

    public ILocator PostButton => page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true });

    /// <summary>Thread cards are articles named "Thread by …"; this one holds <paramref name="text"/>.</summary>
    public ILocator Thread(string text) =>
        page.GetByRole(AriaRole.Article, new() { Name = "Thread by" }).Filter(new() { HasText = text });

    /// <summary>Opens a document (the reader's sample article unless told) and waits until the page is interactive (the reader is listed as present).</summary>
    public async Task OpenAsync(int? document = null)
    {
        await page.GotoAsync($"/documents/{document ?? documentId}");
        await Expect(Article).ToBeVisibleAsync();
        // Presence is entered after the first interactive render: from then on selections are heard.
        await Expect(ReadingNow).ToContainTextAsync($"{displayName} (you)");
    }

    /// <summary>Selects the first occurrence of <paramref name="passage"/> inside one block by building a DOM range.</summary>
    public async Task SelectAsync(string passage)
    {
        var found = await page.EvaluateAsync<bool>(
            """
            passage => {
              const range = window.__annotateE2E.rangeOf(passage);
              if (!range) return false;
              const selection = document.getSelection();
              selection.removeAllRanges();
              selection.addRange(range);
              return true;
            }
            """, passage);
        if (!found) throw new InvalidOperationException($"The article has no passage \"{passage}\".");
        await SelectionShownAsync();
    }

    /// <summary>
    /// Waits until the toolbar stands for the current selection. The page reports a selection 120 ms after
    /// the last change, so a toolbar from an earlier step of a keyboard selection may still be showing;
    /// its buttons would act on that older passage. The toolbar is redrawn (moved) when the report lands;
    /// an unchanged position after a quiet second counts as current too.
    /// </summary>
    public async Task SelectionShownAsync()
    {
        await Expect(AnnotateButton).ToBeVisibleAsync();
        await page.WaitForFunctionAsync(
            """
            () => {
              const e2e = window.__annotateE2E;
              return e2e.lastToolbarRender > e2e.lastSelectionChange + 120 || performance.now() - e2e.lastSelectionChange > 1000;
            }
            """, null, new() { PollingInterval = 20 });
    }

    /// <summary>Selects <paramref name="passage"/> the way a person does: press before its first character, drag past its last.</summary>
    public async Task SelectWithMouseAsync(string passage)
    {
        var points = await page.EvaluateAsync<double[]?>(
            """
            passage => {
              const range = window.__annotateE2E.rangeOf(passage);
              if (!range) return null;
              range.startContainer.parentElement.scrollIntoView({ block: 'center' });
              const charRect = (node, offset) => {
                const r = document.createRange();
                r.setStart(node, offset);
                r.setEnd(node, offset + 1);
                return r.getClientRects()[0];
              };
              const first = charRect(range.startContainer, range.startOffset);
              const last = charRect(range.endContainer, range.endOffset - 1);
              return [first.left + 1, first.top + first.height / 2, last.right - 1, last.top + last.height / 2];
            }
            """, passage);
        if (points is null) throw new InvalidOperationException($"The article has no passage \"{passage}\".");
        await page.Mouse.MoveAsync((float)points[0], (float)points[1]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)points[2], (float)points[3], new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await SelectionShownAsync();
    }

    /// <summary>Opens the editor for a selected passage, writes the comment, picks the visibility; does not post.</summary>
    public async Task ComposeAsync(string comment, string? visibility = null)
    {
        await AnnotateButton.ClickAsync();
        await Expect(CommentBox).ToBeFocusedAsync();
        await CommentBox.FillAsync(comment);
        if (visibility is not null)
            await Visibility.GetByRole(AriaRole.Radio, new() { Name = visibility, Exact = true }).CheckAsync();
    }

    /// <summary>
    /// Selects, comments and posts; returns the new thread's id once it is on this page. A comment with
    /// Markdown is found by <paramref name="shownAs"/>, some of the text as rendered.
    /// </summary>
    public async Task<string> AnnotateAsync(string passage, string comment, string? visibility = null, string? shownAs = null)
    {
        await SelectAsync(passage);
        await ComposeAsync(comment, visibility);
        await PostButton.ClickAsync();
        var id = await ThreadIdAsync(shownAs ?? comment);
        await SelectionUsedAsync();
        return id;
    }

    /// <summary>Selects and highlights a passage (no comment).</summary>
    public async Task HighlightAsync(string passage)
    {
        await SelectAsync(passage);
        await HighlightButton.ClickAsync();
        await SelectionUsedAsync();
    }

    /// <summary>
    /// The page drops the browser selection as the last step of posting; a selection made before that
    /// would be dropped with it. (A person is never that fast; a test is.)
    /// </summary>
    private Task SelectionUsedAsync() =>
        page.WaitForFunctionAsync("() => document.getSelection().rangeCount === 0", null, new() { PollingInterval = 20 });

    /// <summary>The id of the thread holding <paramref name="text"/> (thread cards carry id="thread-{id}").</summary>
    public async Task<string> ThreadIdAsync(string text)
    {
        var thread = Thread(text);
        await Expect(thread).ToBeVisibleAsync();
        var id = await thread.GetAttributeAsync("id") ?? throw new InvalidOperationException("A thread card has no id.");
        return id["thread-".Length..];
    }

    /// <summary>
    /// The highlights of one thread in the article. Marks name their threads by a short key made from the id
    /// (every page alike), in data-t.
    /// </summary>
    public ILocator MarksOf(string threadId) => Article.Locator($"mark[data-t~=\"{KeyOf(threadId)}\"]");

    /// <summary>A thread's name in the article's marks.</summary>
    public static string KeyOf(string threadId) => MarkedText.Key(Guid.Parse(threadId));

    /// <summary>Loads the in-page helpers (mapping a passage to a DOM range over the article's text nodes).</summary>
    public static Task InstallHelpersAsync(IBrowserContext context) => context.AddInitScriptAsync(
        """
        window.__annotateE2E = {
          lastSelectionChange: 0,
          lastToolbarRender: 0,
          rangeOf(passage) {
            for (const block of document.querySelectorAll('article .block-text')) {
              const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
              const nodes = [];
              let text = '';
              while (walker.nextNode()) {
                nodes.push({ node: walker.currentNode, start: text.length });
                text += walker.currentNode.data;
              }
              const at = text.indexOf(passage);
              if (at < 0) continue;
              const point = (offset, isEnd) => {
                for (const { node, start } of nodes) {
                  const end = start + node.data.length;
                  if (offset < end || (isEnd && offset === end)) return [node, offset - start];
                }
                const lastNode = nodes[nodes.length - 1];
                return [lastNode.node, lastNode.node.data.length];
              };
              const range = document.createRange();
              range.setStart(...point(at, false));
              range.setEnd(...point(at + passage.length, true));
              return range;
            }
            return null;
          },
        };
        document.addEventListener('click', () => { window.__annotateE2E.lastClick = Date.now(); }, true);
        document.addEventListener('selectionchange', () => { window.__annotateE2E.lastSelectionChange = performance.now(); });
        new MutationObserver(records => {
          const touchesToolbar = records.some(r =>
            r.target.closest?.('.selection-toolbar') || [...r.addedNodes].some(n => n.classList?.contains('selection-toolbar')));
          if (touchesToolbar) window.__annotateE2E.lastToolbarRender = performance.now();
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
        """);
}
