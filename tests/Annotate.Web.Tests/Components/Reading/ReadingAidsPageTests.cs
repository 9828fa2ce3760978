using Annotate.Web.Components.Reading;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>
/// The heat map (issue 14) and the live region (issue 15) on the real reading page, against the app's feed, database
/// and visibility rule: counts and announcements come only from what the reader may see, with hidden annotations
/// (others' private notes, teachers-only comments) present in the database and arriving live.
/// </summary>
public sealed class ReadingAidsPageTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string History = "The history of all hitherto existing society";
    private const string Spectre = "A spectre is haunting Europe";
    private const string Chains = "nothing to lose but their chains";

    /// <summary>The screen reader's sentence of the heat beside the paragraph holding <paramref name="words"/>; "" for none.</summary>
    private static string HeatOf(LivePage page, string words)
    {
        var paragraph = page.Component.FindAll("p.block-paragraph").Single(p => p.TextContent.Contains(words, StringComparison.Ordinal));
        return paragraph.QuerySelector(".heat .sr-only")?.TextContent ?? "";
    }

    private static int NumberOf(LivePage page, string words) =>
        int.Parse(page.Component.FindAll("p.block-paragraph").Single(p => p.TextContent.Contains(words, StringComparison.Ordinal)).Id![2..]);

    private static string Said(LivePage page) => page.Component.Find("[role=status][aria-live=polite]").TextContent.Trim('\u00A0', ' ');

    [Fact]
    public async Task The_heat_counts_only_the_threads_the_reader_may_see_and_follows_them_live()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(History, "A's reading."));
        var question = room.Comment(History, "Which history?");
        question["motivation"] = "questioning";
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, question);
        // Hidden from student A: B's private note, the teacher's note for teachers and own private note, on the same paragraph.
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment(History, "B's secret.", "private"));
        await room.Teacher.CreateAnnotationAsync(room.DocumentId, room.Comment(History, "For teachers.", "teachers"));
        await room.Teacher.CreateAnnotationAsync(room.DocumentId, room.Comment(History, "Teacher's own.", "private"));
        await using var pages = new LiveReadingPages(app);
        var student = await pages.OpenAsync(room.StudentA, room.DocumentId);
        var teacher = await pages.OpenAsync(room.Teacher, room.DocumentId);
        var n = NumberOf(student, History);

        Assert.Equal($"Paragraph {n}: 2 threads, 1 open question.", HeatOf(student, History));
        Assert.Equal($"Paragraph {n}: 4 threads, 1 open question.", HeatOf(teacher, History));
        Assert.Equal("", HeatOf(student, Spectre));

        // Live: a hidden note arrives, then one the student sees (a barrier): only the second is counted.
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment(History, "Another secret.", "private"));
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment(History, "Shared again."));
        await student.WaitUntilShownAsync("Shared again.");
        student.Component.WaitForAssertion(() => Assert.Equal($"Paragraph {n}: 3 threads, 1 open question.", HeatOf(student, History)),
            LiveReadingPages.Timeout);
        Assert.False(student.EverShowed($"Paragraph {n}: 4 threads"), "The heat counted a thread the student cannot see.");
        Assert.False(student.EverShowed($"Paragraph {n}: 5 threads"), "The heat counted a thread the student cannot see.");
    }

    [Fact]
    public async Task A_thread_leaving_lowers_the_heat_and_an_answered_question_is_no_longer_open()
    {
        var room = await app.CreateClassroomAsync();
        var question = room.Comment(Chains, "What chains?");
        question["motivation"] = "questioning";
        var asked = await room.StudentB.CreateAnnotationAsync(room.DocumentId, question);
        var other = await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment(Chains, "Wage labour."));
        await using var pages = new LiveReadingPages(app);
        var student = await pages.OpenAsync(room.StudentA, room.DocumentId);
        var n = NumberOf(student, Chains);
        Assert.Equal($"Paragraph {n}: 2 threads, 1 open question.", HeatOf(student, Chains));

        // Open means not marked answered (AnnotationPermissions.IsOpenQuestion).
        (await room.StudentB.Http.PostAsync($"{asked.Iri()}/answered", null)).EnsureSuccessStatusCode();
        student.Component.WaitForAssertion(() => Assert.Equal($"Paragraph {n}: 2 threads.", HeatOf(student, Chains)), LiveReadingPages.Timeout);

        (await room.StudentB.DeleteAnnotationAsync(other.Iri())).EnsureSuccessStatusCode();
        student.Component.WaitForAssertion(() => Assert.Equal($"Paragraph {n}: 1 thread.", HeatOf(student, Chains)), LiveReadingPages.Timeout);
    }

    [Fact]
    public async Task The_live_region_speaks_of_others_posts_the_reader_sees_and_of_nothing_else()
    {
        var room = await app.CreateClassroomAsync();
        await using var pages = new LiveReadingPages(app);
        var student = await pages.OpenAsync(room.StudentA, room.DocumentId);
        var history = NumberOf(student, History);
        var spectre = NumberOf(student, Spectre);

        // Neither the reader's own post nor a note hidden from them is announced; a classmate's comment is, in full.
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Chains, "My own."));
        await room.Teacher.CreateAnnotationAsync(room.DocumentId, room.Comment(Spectre, "Teachers only.", "teachers"));
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment(History, "B's comment."));

        student.Component.WaitForAssertion(() => Assert.Equal($"New comment by {room.StudentB.DisplayName} on paragraph {history}", Said(student)),
            LiveReadingPages.Timeout);
        Assert.False(student.EverShowed($"on paragraph {spectre}"), "The region spoke of a note hidden from the reader.");
        Assert.False(student.EverShowed($"New comment by {room.StudentA.DisplayName}"), "The region spoke of the reader's own post.");
        Assert.False(student.EverShowed("2 new comments"), "The region counted a post it must not.");
        Assert.False(student.EverShowed("3 new comments"), "The region counted a post it must not.");
        Assert.Single(student.Component.FindAll("[aria-live]"));
    }

    [Fact]
    public async Task The_confusion_view_is_linked_for_the_seminars_teachers_only()
    {
        var room = await app.CreateClassroomAsync();
        await using var pages = new LiveReadingPages(app);
        var confusion = $"documents/{room.DocumentId}/confusion";
        var teacher = (await pages.OpenAsync(room.Teacher, room.DocumentId)).Component;
        Assert.Equal("Confusion", teacher.FindAll("nav a").Single(a => a.GetAttribute("href") == confusion).TextContent.Trim());
        var student = (await pages.OpenAsync(room.StudentA, room.DocumentId)).Component;
        Assert.DoesNotContain(student.FindAll("a"), a => a.GetAttribute("href") == confusion);
    }

    [Fact]
    public async Task Paragraph_heat_hides_the_heat_and_shows_it_again_saying_which_it_is()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment(History, "Seen."));
        await using var pages = new LiveReadingPages(app);
        var page = (await pages.OpenAsync(room.StudentA, room.DocumentId)).Component;
        AngleSharp.Dom.IElement Toggle() => page.FindAll("nav button").Single(b => b.TextContent.Trim() == "Paragraph heat");
        Assert.Equal("true", Toggle().GetAttribute("aria-pressed"));
        Assert.DoesNotContain("heat-hidden", page.Find(".reading-main").ClassList);
        Assert.Single(page.FindAll(".reading-main .heat"));

        await page.ClickAsync(Toggle);
        Assert.Equal("false", Toggle().GetAttribute("aria-pressed"));
        Assert.Contains("heat-hidden", page.Find(".reading-main").ClassList);

        await page.ClickAsync(Toggle);
        Assert.Equal("true", Toggle().GetAttribute("aria-pressed"));
        Assert.DoesNotContain("heat-hidden", page.Find(".reading-main").ClassList);
    }

    [Fact]
    public async Task The_a_key_with_nothing_selected_says_what_to_do_and_opens_no_editor()
    {
        var room = await app.CreateClassroomAsync();
        await using var pages = new LiveReadingPages(app);
        var page = (await pages.OpenAsync(room.StudentA, room.DocumentId)).Component;
        var keys = page.FindComponent<ReadingKeys>();

        await keys.InvokeAsync(() => keys.Instance.Annotate());

        var snackbar = pages.Context.Services.GetRequiredService<ISnackbar>();
        Assert.Contains(snackbar.ShownSnackbars, s => s.Message?.StartsWith("Select a passage in the text first", StringComparison.Ordinal) == true);
        Assert.Empty(page.FindAll("[aria-label='New annotation']"));
    }
}
