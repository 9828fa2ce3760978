using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// A reading page with more threads than a screen holds (issue 12): an import reaches the open page, the list draws
/// only a window of cards yet says where each stands, Page Down walks past the window, a clicked highlight and a
/// link to a thread bring its card, and the contract's names stay.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class LongDiscussionTests(AppFixture app, ITestOutputHelper output)
{
    private const int Count = 60;
    /// <summary>Cards the server draws before the browser says where its view is (ThreadWindow.InitialSize).</summary>
    private const int ThreadWindowSize = 8;

    [Fact]
    public async Task Sixty_threads_are_listed_in_a_window_that_keyboard_highlights_and_links_move()
    {
        await using var reader = await app.NewReaderAsync("Lena Longread");
        var reading = reader.Reading;
        var page = reader.Page;
        await reading.OpenAsync();

        // Runs of five words from all over the article, each once in it and annotated once, in one import while the page is open.
        var passages = await page.EvaluateAsync<string[]>(
            """
            count => {
              const blocks = [...document.querySelectorAll('article .block-text')].map(b => b.textContent);
              const whole = blocks.join('\n\n');
              const once = run => whole.indexOf(run) >= 0 && whole.indexOf(run) === whole.lastIndexOf(run);
              const runs = [];
              for (const text of blocks) {
                const words = text.split(' ');
                for (let i = 0; i + 5 <= words.length; i += 7) {
                  const run = words.slice(i, i + 5).join(' ');
                  if (!run.includes('\n') && run.trim() === run && once(run)) runs.push(run);
                }
              }
              const step = runs.length / count;
              return Array.from({ length: count }, (_, i) => runs[Math.floor(i * step)]);
            }
            """, Count);
        Assert.Equal(Count, passages.Distinct().Count());
        var file = new JsonArray(passages.Select((passage, i) => (JsonNode)Comment(passage, $"Long note {i + 1:00}.")).ToArray());
        var report = await reader.PostJsonAsync(app.RootUri, $"/api/documents/{reader.DocumentId}/import?visibility=seminar", file);
        // Each run is in the text once, so each is placed, without context or position: many more than a window of cards.
        var placed = report.GetProperty("placed").GetInt32();
        Assert.Equal(Count, placed);
        Assert.True(placed >= 2 * ThreadWindowSize + 10);

        var feed = page.GetByRole(AriaRole.Feed, new() { Name = "Threads in document order" });
        await Expect(page.Locator(".threads-count")).ToHaveTextAsync($"{Count} annotations");
        var cards = feed.GetByRole(AriaRole.Article, new() { Name = "Thread by" });
        await Expect(cards.First).ToHaveAttributeAsync("aria-setsize", $"{placed}");
        Assert.InRange(await cards.CountAsync(), 1, placed - 1);
        // Every thread's highlight is in the article, whether or not its card is drawn.
        var keys = await reading.Marks.EvaluateAllAsync<string[]>("marks => [...new Set(marks.flatMap(m => m.dataset.t.split(' ')))]");
        Assert.Equal(placed, keys.Length);
        await Screenshots.SaveAsync(page, "reading-page-long-discussion.png", output);

        // The list is reached by Tab from the search box, past the sort and filter controls, and Page Down walks card
        // by card past the cards first drawn.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Search the discussion" }).FocusAsync();
        for (var tabs = 0; tabs < 20 && await feed.Locator(":focus").CountAsync() == 0; tabs++) await page.Keyboard.PressAsync("Tab");
        await Expect(cards.First.Locator(":focus")).ToHaveCountAsync(1);
        var focused = page.Locator("[role=feed] [role=article]:focus");
        for (var position = 2; position <= 31; position++)
        {
            await page.Keyboard.PressAsync("PageDown");
            await Expect(focused).ToHaveAttributeAsync("aria-posinset", $"{position}");
        }
        await Expect(focused).ToBeInViewportAsync();

        // The last highlight in the text, clicked, brings its card (far past the window) into the list, selected and in view.
        var lastKey = (await reading.Marks.Last.GetAttributeAsync("data-t"))!.Split(' ')[^1];
        var lastCard = feed.Locator($"[role=article][data-key=\"{lastKey}\"]");
        await Expect(lastCard).ToHaveCountAsync(0);
        await reading.Marks.Last.ClickAsync();
        await Expect(lastCard).ToHaveAttributeAsync("aria-posinset", $"{placed}");
        await Expect(lastCard).ToHaveClassAsync(new Regex(@"\bselected\b"));
        await Expect(lastCard).ToBeInViewportAsync();
        await Expect(lastCard).ToContainTextAsync("Long note");
        var lastId = (await lastCard.GetAttributeAsync("id"))!["thread-".Length..];

        // A link to that thread (the feedback list's, the overview's) opens the page with its card drawn, selected and in view.
        await page.GotoAsync($"/documents/{reader.DocumentId}?thread={lastId}");
        await Expect(reading.ReadingNow).ToContainTextAsync("Lena Longread (you)");
        await Expect(lastCard).ToHaveClassAsync(new Regex(@"\bselected\b"));
        await Expect(lastCard).ToBeInViewportAsync();
        await Expect(lastCard.GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true })).ToBeVisibleAsync();
    }

    private static JsonObject Comment(string passage, string comment) => new()
    {
        ["@context"] = "http://www.w3.org/ns/anno.jsonld",
        ["id"] = $"urn:e2e:{Guid.NewGuid():N}",
        ["type"] = "Annotation",
        ["motivation"] = "commenting",
        ["creator"] = new JsonObject { ["type"] = "Person", ["name"] = "Clara Zetkin" },
        ["body"] = new JsonObject { ["type"] = "TextualBody", ["value"] = comment },
        ["target"] = new JsonObject
        {
            ["source"] = "https://texts.example.org/internationalism",
            ["selector"] = new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = passage },
        },
    };
}
