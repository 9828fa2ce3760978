using AngleSharp.Dom;
using Annotate.Web.Components.Documents;
using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Documents.Import;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Annotate.Web.Tests.Components.Documents;

/// <summary>
/// The Add document dialog, opened through the dialog service as the seminar page opens it, on the real
/// services of an app with its own database: what it refuses, and what it stores.
/// </summary>
public sealed class AddDocumentDialogTests : MudComponentTest, IClassFixture<AnnotateApp>
{
    private readonly AnnotateApp app;
    private readonly BrowserText pasted;

    public AddDocumentDialogTests(AnnotateApp app)
    {
        this.app = app;
        pasted = BrowserText.In(Context);
        foreach (var service in new[] { typeof(DocumentService), typeof(ReaderAccess), typeof(DocumentImporter), typeof(TimeProvider) })
            Context.Services.AddSingleton(service, app.Services.GetRequiredService(service));
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync(string userId, int seminarId)
    {
        Context.Render<MudPopoverProvider>();
        var provider = Context.Render<MudDialogProvider>();
        var parameters = new DialogParameters<AddDocumentDialog> { { d => d.SeminarId, seminarId }, { d => d.UserId, userId } };
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await Context.Services.GetRequiredService<IDialogService>()
            .ShowAsync<AddDocumentDialog>("Add document", parameters));
        return (provider, dialog!);
    }

    private static IElement Field(IRenderedComponent<MudDialogProvider> provider, string label)
    {
        var element = provider.FindAll("label").Single(l => l.TextContent.Trim() == label);
        return element.HasAttribute("for") ? provider.Find($"#{element.GetAttribute("for")}") : element.QuerySelector("input")!;
    }

    private static void Submit(IRenderedComponent<MudDialogProvider> provider) => provider.Find("form").Submit();

    private static string[] Errors(IRenderedComponent<MudDialogProvider> provider) =>
        provider.FindAll(".mud-input-helper-text.mud-input-error, [role=alert]").Select(e => e.TextContent.Trim()).ToArray();

    private async Task<(string UserId, int SeminarId)> TeacherWithSeminarAsync()
    {
        var teacher = await app.RegisterAsync("teacher");
        var (seminarId, _) = await app.CreateSeminarAsync(teacher);
        return (teacher.Id, seminarId);
    }

    private Task<long> DocumentCountAsync(int seminarId) =>
        app.Database.CountAsync("SELECT COUNT(*) FROM Documents WHERE SeminarId = $id", ("$id", seminarId));

    [Fact]
    public async Task Adding_without_a_title_or_text_says_what_is_missing_and_adds_nothing()
    {
        var (userId, seminarId) = await TeacherWithSeminarAsync();
        var (provider, _) = await OpenAsync(userId, seminarId);

        Submit(provider);

        Assert.Equal(["The document needs a title.", "Paste the document's text, or upload a file instead."], Errors(provider));
        Assert.Equal(0, await DocumentCountAsync(seminarId));

        Field(provider, "Title").Input("Preface");
        Assert.Equal(["Paste the document's text, or upload a file instead."], Errors(provider));
    }

    [Fact]
    public async Task Uploading_without_choosing_a_file_asks_for_one()
    {
        var (userId, seminarId) = await TeacherWithSeminarAsync();
        var (provider, _) = await OpenAsync(userId, seminarId);

        Field(provider, "Title").Input("Preface");
        Field(provider, "Upload a file").Click();
        Submit(provider);

        Assert.Equal(["Choose a file to upload."], Errors(provider));
        Assert.Equal(0, await DocumentCountAsync(seminarId));
    }

    [Fact]
    public async Task Pasted_text_is_reflowed_and_added_with_its_due_date_and_post_first()
    {
        var (userId, seminarId) = await TeacherWithSeminarAsync();
        var (provider, dialog) = await OpenAsync(userId, seminarId);

        Field(provider, "Title").Input("  Preface of 1872 ");
        pasted.Text = "The Communist League, an international\nassociation of workers, commissioned us\nto draw up a programme.";
        Field(provider, "Reflow pasted text (PDF-extracted)").Change(true);
        Field(provider, "Due date (optional)").Change("2026-12-03");
        Field(provider, "Students must post before they see others' annotations").Change(true);
        Submit(provider);

        var result = await dialog.Result;
        var added = Assert.IsType<AddDocumentDialog.Added>(result!.Data);
        var stored = await app.Services.GetRequiredService<DocumentService>().GetAsync(added.Id);
        Assert.Equal("Preface of 1872", added.Title);
        Assert.Equal("The Communist League, an international association of workers, commissioned us to draw up a programme.", stored!.Text);
        Assert.Equal(DueDate.EndOf(new DateOnly(2026, 12, 3), TimeZoneInfo.Local), stored.DueAt);
        Assert.True(stored.PostFirst);
        Assert.Equal(seminarId, stored.SeminarId);
    }

    [Fact]
    public async Task Someone_who_is_not_a_teacher_of_the_seminar_is_refused()
    {
        var (_, seminarId) = await TeacherWithSeminarAsync();
        var outsider = await app.RegisterAsync("outsider");
        var (provider, _) = await OpenAsync(outsider.Id, seminarId);

        Field(provider, "Title").Input("Not mine");
        pasted.Text = "A text.";
        Submit(provider);

        // The membership is asked of the database after the form's own checks: wait for the answer.
        provider.WaitForAssertion(() => Assert.Equal(["Only the seminar's teachers can add documents."], Errors(provider)), TimeSpan.FromSeconds(10));
        Assert.Equal(0, await DocumentCountAsync(seminarId));
    }

    [Fact]
    public async Task The_longest_text_a_document_may_have_is_pasted_whole_in_any_script()
    {
        var (userId, seminarId) = await TeacherWithSeminarAsync();
        var (provider, dialog) = await OpenAsync(userId, seminarId);
        // Vietnamese and Chinese: three bytes a character in UTF-8, the most the field's stream may carry for each.
        var paragraph = "Vô sản tất cả các nước, đoàn kết lại! 全世界无产者，联合起来！";
        var text = string.Concat(Enumerable.Repeat(paragraph + "\n\n", DocumentService.MaxTextLength / (paragraph.Length + 2) + 1))[..DocumentService.MaxTextLength].TrimEnd('\n');
        text += new string('.', DocumentService.MaxTextLength - text.Length);

        Field(provider, "Title").Input("The Manifesto, twice over");
        pasted.Text = text;
        Submit(provider);

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(30));
        var added = Assert.IsType<AddDocumentDialog.Added>(result!.Data);
        var stored = await app.Services.GetRequiredService<DocumentService>().GetAsync(added.Id);
        Assert.Equal(DocumentService.MaxTextLength, stored!.Text.Length);
        Assert.Equal(text, stored.Text);
    }
}
