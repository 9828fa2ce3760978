using System.Text.Json;
using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// Document texts travel from the browser in chunks (the circuit takes no message larger than a comment):
/// the longest text a document may have, pasted into the Add document dialog, arrives whole, and the
/// edit page saves what its field holds. Screenshots of both go to screenshots-tmp/.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class DocumentTextTests(AppFixture app, ITestOutputHelper output)
{
    private const int MaxTextLength = 2_000_000;

    [Fact]
    public async Task Pasting_a_two_million_character_document_adds_it_whole()
    {
        await using var teacher = await app.NewReaderAsync("Teacher Pasting");
        var page = teacher.Page;
        var seminar = await teacher.PostJsonAsync(app.RootUri, "/api/seminars", new { name = "Long texts" });
        await page.GotoAsync($"/seminars/{seminar.GetProperty("id").GetInt32()}");
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        // Vietnamese and Chinese: three bytes a character in UTF-8, the dearest text to send.
        const string paragraph = "Vô sản tất cả các nước, đoàn kết lại! 全世界无产者，联合起来！";
        var text = string.Concat(Enumerable.Repeat(paragraph + "\n\n", MaxTextLength / (paragraph.Length + 2) + 1))[..MaxTextLength].TrimEnd('\n');
        text += new string('.', MaxTextLength - text.Length);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add document" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Add document" });
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Title" }).FillAsync("The slogan, many times");
        // What a paste leaves in the field (typing two million characters through the driver would take minutes).
        var field = dialog.GetByRole(AriaRole.Textbox, new() { Name = "Text" });
        await field.EvaluateAsync("(textarea, text) => { textarea.value = text; textarea.dispatchEvent(new Event('input', { bubbles: true })); }", text);
        await Expect(field).ToHaveJSPropertyAsync("textLength", MaxTextLength);
        await Screenshots.SaveAsync(page, "add-document-large-paste.png", output);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();

        await Expect(dialog).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByText("Added “The slogan, many times”.")).ToBeVisibleAsync();
        var documents = await (await teacher.Context.APIRequest.GetAsync($"{app.RootUri}api/documents")).JsonAsync();
        var id = documents!.Value.EnumerateArray().Single(d => d.GetProperty("title").GetString() == "The slogan, many times").GetProperty("id").GetInt32();
        var stored = await (await teacher.Context.APIRequest.GetAsync($"{app.RootUri}api/documents/{id}")).JsonAsync();
        Assert.Equal(text, stored!.Value.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Editing_a_text_saves_what_the_field_holds_as_a_new_revision()
    {
        await using var teacher = await app.NewReaderAsync("Teacher Editing");
        var page = teacher.Page;
        var seminar = await teacher.PostJsonAsync(app.RootUri, "/api/seminars", new { name = "Edited texts" });
        var document = await teacher.PostJsonAsync(app.RootUri, $"/api/seminars/{seminar.GetProperty("id").GetInt32()}/documents",
            new { title = "Preface", text = "The Communist League commissioned us to draw up a programme." });
        var id = document.GetProperty("id").GetInt32();

        await page.GotoAsync($"/documents/{id}/edit");
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        var field = page.GetByRole(AriaRole.Textbox, new() { Name = "Text" });
        await Expect(field).ToHaveValueAsync("The Communist League commissioned us to draw up a programme.");
        await field.FillAsync("Preface of 1872\n\nThe Communist League, an international association of workers, commissioned us to draw up a programme.");
        await Screenshots.SaveAsync(page, "edit-text.png", output);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as new revision" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save revision" }).ClickAsync();

        await Expect(page.GetByText("Revision 2 is live.")).ToBeVisibleAsync();
        var stored = await (await teacher.Context.APIRequest.GetAsync($"{app.RootUri}api/documents/{id}")).JsonAsync();
        Assert.Equal("Preface of 1872\n\nThe Communist League, an international association of workers, commissioned us to draw up a programme.",
            stored!.Value.GetProperty("text").GetString());
    }
}
