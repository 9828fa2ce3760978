using System.Buffers.Binary;
using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// The reading page as the README shows it: two people, comments, a reply and a highlight.
/// Writes screenshots-tmp/reading-page.png (ignored by git); with ANNOTATE_UPDATE_SCREENSHOTS=1 it
/// refreshes docs/screenshots/reading-page.png instead.
/// </summary>
[Collection(ScreenshotCollection.Name)]
public sealed class ScreenshotTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Reading_page_with_a_discussion()
    {
        await using var maria = await app.NewReaderAsync("Maria Keller", "maria.keller@example.org");
        await using var jonas = await app.NewReaderAsync("Jonas Weber", "jonas.weber@example.org", joining: maria);
        await maria.Reading.OpenAsync();
        await jonas.Reading.OpenAsync();

        const string question = "The abstract calls it a *system*. Does the Manifesto itself ever use the word?";
        await maria.Reading.AnnotateAsync("the important theoretical system of Marxism-Leninism", question, shownAs: "ever use the word?");
        const string torch = "A striking image for a party programme. Who carries the torch in 1848, and who after?";
        await maria.Reading.AnnotateAsync("a torch to light the way for the class", torch);

        await jonas.Reading.HighlightAsync("a deep division in production relations");
        await jonas.Reading.AnnotateAsync("the first revolutionary program of the world proletariat",
            "Compare the **1872 preface**: Marx and Engels call parts of the programme *antiquated*.", shownAs: "1872 preface");
        await ReplyAsync(jonas.Reading.Thread("Does the Manifesto itself ever use the word?"),
            "Not in those words: it speaks of the *common interests* of the proletariat, independently of all nationality.");

        var page = maria.Page;
        await Expect(maria.Reading.Thread("common interests")).ToBeVisibleAsync();
        await Expect(maria.Reading.Thread("1872 preface")).ToBeVisibleAsync();
        await Expect(maria.Reading.ReadingNow).ToContainTextAsync("Jonas Weber");
        await QuietAsync(page);

        var path = await Screenshots.SaveAsync(page, "reading-page.png", output, shownInDocs: true);
        Assert.Equal((1400, 900), SizeOf(path));
    }

    /// <summary>
    /// The reading page in Vietnamese on a 390×844 phone with the discussion panel open at a thread, and in English on a
    /// desktop: docs/screenshots/reading-vi-phone.png and reading-en-desktop.png with ANNOTATE_UPDATE_SCREENSHOTS=1
    /// (run again once the translations are in), else in screenshots-tmp/.
    /// </summary>
    [Fact]
    public async Task Reading_page_in_vietnamese_on_a_phone_and_in_english_on_a_desktop()
    {
        await using var lan = await app.NewReaderAsync("Nguyễn Thị Lan", "lan.nguyen@example.edu.vn");
        await using var minh = await app.NewReaderAsync("Trần Văn Minh", "minh.tran@example.edu.vn", joining: lan);
        await lan.Reading.OpenAsync();
        await minh.Reading.OpenAsync();
        var torch = await lan.Reading.AnnotateAsync("a torch to light the way for the class",
            "Hình ảnh ngọn đuốc: ai là người cầm đuốc vào năm 1848, và ai sau đó?");
        await minh.Reading.HighlightAsync("a deep division in production relations");
        await minh.Reading.AnnotateAsync("the first revolutionary program of the world proletariat",
            "So sánh với **lời tựa năm 1872**: Marx và Engels gọi một phần cương lĩnh là *đã lỗi thời*.", shownAs: "lời tựa năm 1872");
        await ReplyAsync(minh.Reading.Thread("ai là người cầm đuốc"),
            "Theo em là giai cấp công nhân của mọi dân tộc: *vô sản tất cả các nước, đoàn kết lại!*");

        await using var phone = await minh.OnPhoneAsync(app, language: "vi");
        var page = phone.Page;
        await phone.Reading.OpenOnPhoneAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await phone.Reading.MarksOf(torch).First.TapAsync();
        await Expect(page.Locator($"#thread-{torch}")).ToBeFocusedAsync();
        await Expect(page.Locator($"#thread-{torch}")).ToContainTextAsync("đoàn kết lại");
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await page.WaitForTimeoutAsync(1700); // the flash of the tapped highlight fades out
        var phonePath = await Screenshots.SaveAsync(page, "reading-vi-phone.png", output, shownInDocs: true);
        Assert.Equal((780, 1688), SizeOf(phonePath));

        var desktop = lan.Page;
        await Expect(lan.Reading.Thread("đoàn kết lại")).ToBeVisibleAsync();
        // Minh's phone told Lan's page who is reading now: it is drawn again in Lan's language, not in Minh's.
        await Expect(desktop.GetByText("Reading now", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(desktop.GetByText("Đang đọc", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(lan.Reading.Thread("lời tựa năm 1872")).ToBeVisibleAsync();
        await QuietAsync(desktop);
        var desktopPath = await Screenshots.SaveAsync(desktop, "reading-en-desktop.png", output, shownInDocs: true);
        Assert.Equal((1400, 900), SizeOf(desktopPath));
    }

    /// <summary>"Colour by tag" on, with its legend: docs/screenshots/reading-tag-colours.png with ANNOTATE_UPDATE_SCREENSHOTS=1.</summary>
    [Fact]
    public async Task Reading_page_coloured_by_tag()
    {
        await using var teacher = await app.NewReaderAsync("Lena Hoffmann", "lena.hoffmann@example.org");
        await TagColourTests.TagTheSampleAsync(app, teacher);
        await teacher.Reading.OpenAsync();
        await teacher.Page.GetByRole(AriaRole.Button, new() { Name = "Colour by tag", Exact = true }).ClickAsync();
        await Expect(teacher.Page.GetByRole(AriaRole.List, new() { Name = "Tag colours", Exact = true })).ToBeVisibleAsync();
        await QuietAsync(teacher.Page);

        var path = await Screenshots.SaveAsync(teacher.Page, "reading-tag-colours.png", output, shownInDocs: true);
        Assert.Equal((1400, 900), SizeOf(path));
    }

    private static async Task ReplyAsync(ILocator thread, string reply)
    {
        await thread.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await thread.GetByRole(AriaRole.Textbox, new() { Name = "Your reply" }).FillAsync(reply);
        await thread.GetByRole(AriaRole.Button, new() { Name = "Post reply", Exact = true }).ClickAsync();
    }

    /// <summary>Nothing under the pointer, nothing focused, the top of the page, and the flash of a newly selected highlight faded out.</summary>
    private static async Task QuietAsync(IPage page)
    {
        await page.Mouse.MoveAsync(5, 890);
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        await page.WaitForTimeoutAsync(1700);
    }

    private static (int Width, int Height) SizeOf(string png)
    {
        var header = File.ReadAllBytes(png).AsSpan(16, 8);
        return (BinaryPrimitives.ReadInt32BigEndian(header), BinaryPrimitives.ReadInt32BigEndian(header[4..]));
    }
}
