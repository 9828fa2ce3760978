using Annotate.Web.Features;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.W3c;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Xunit.Abstractions;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// The thread card offers exactly what the service allows: for each viewer (teacher, the student who wrote
/// the threads, a classmate) × each kind of annotation × each action, the button is shown if and only if
/// the service, called as that viewer on the same annotation, does it. Both sides are checked against the
/// real app (its database and rules), and a few cells against a hand-written expectation so that both
/// cannot be wrong together.
/// </summary>
public sealed class PermissionTableTests(AnnotateApp app, ITestOutputHelper output) : IClassFixture<AnnotateApp>, IAsyncLifetime
{
    private const string Doomed = "This sentence is struck from the text in the next revision.";
    private static readonly string Text = SampleTexts.Manifesto + "\n\n" + Doomed;

    private enum Who { Teacher, Author, Classmate }

    /// <summary>The kinds of annotation; every viewer gets a set of its own (their deletes must not touch another's).</summary>
    private enum Kind
    {
        AuthorsThread, AuthorsHighlight, ClassmatesReply, TeachersReply, TeachersThread, FeedbackOnPassage,
        FeedbackInThread, AuthorsTeachersThread, AuthorsPrivateNote, AuthorsOrphan, ClassmatesThread,
    }

    private static readonly AnnotationAction[] ThreadActions = Enum.GetValues<AnnotationAction>().Where(a => a != AnnotationAction.UnmarkExemplary).ToArray();

    // The card answers in the thread, and feedback goes on the thread: for a reply those two are not
    // asked (the API also takes a reply as the target; the card does not offer that, by design).
    private static readonly AnnotationAction[] ReplyActions = ThreadActions.Where(a => a is not (AnnotationAction.Reply or AnnotationAction.GiveFeedback)).ToArray();

    private readonly BunitContext bunit = new();

    public Task InitializeAsync()
    {
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        bunit.Services.AddMudServices();
        bunit.Services.AddLocalization();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public async Task Each_button_is_shown_exactly_when_the_service_allows_its_action()
    {
        var room = await app.CreateClassroomAsync(Text);
        var people = new Dictionary<Who, ApiUser> { [Who.Teacher] = room.Teacher, [Who.Author] = room.StudentA, [Who.Classmate] = room.StudentB };
        var sets = new Dictionary<Who, Dictionary<Kind, Guid>>();
        foreach (var who in people.Keys) sets[who] = await WriteSetAsync(room);
        // The orphans: their passage goes.
        var revised = await room.Teacher.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}", new { text = SampleTexts.Manifesto });
        await revised.ShouldHaveStatusAsync(System.Net.HttpStatusCode.OK);

        var table = new List<(Who Who, Kind Kind, AnnotationAction Action, bool Shown, bool Allowed)>();
        foreach (var (who, person) in people)
        {
            var reader = (await app.Services.GetRequiredService<ReaderAccess>().ForDocumentAsync(person.Id, room.DocumentId))!;
            var service = app.Services.GetRequiredService<AnnotationService>();
            var ids = sets[who];
            var visible = (await service.ListVisibleAsync(reader)).Where(v => ids.ContainsValue(v.Id)).ToList();
            var kindOf = ids.ToDictionary(p => p.Value, p => p.Key);
            var shown = ShownButtons(reader.Viewer, visible);
            var allowed = await AllowedActionsAsync(service, person.Id, visible);
            foreach (var view in visible)
                foreach (var action in view.IsReply ? ReplyActions : ThreadActions)
                    table.Add((who, kindOf[view.Id], action, shown.Contains((view.Id, action)), allowed.Contains((view.Id, action))));
        }

        foreach (var row in table.OrderBy(r => r.Who).ThenBy(r => r.Kind).ThenBy(r => r.Action))
            output.WriteLine($"{row.Who,-9} {row.Kind,-22} {row.Action,-14} shown={row.Shown,-5} allowed={row.Allowed}{(row.Shown != row.Allowed ? "   <-- differs" : "")}");
        Assert.DoesNotContain(table, r => r.Shown != r.Allowed);
        Assert.True(table.Count > 150, $"Only {table.Count} cells.");

        // Both sides agree; here they also agree with what the product means.
        bool Cell(Who who, Kind kind, AnnotationAction action) => table.Single(r => r.Who == who && r.Kind == kind && r.Action == action).Allowed;
        Assert.True(Cell(Who.Teacher, Kind.AuthorsThread, AnnotationAction.MarkExemplary));
        Assert.True(Cell(Who.Teacher, Kind.ClassmatesReply, AnnotationAction.MarkExemplary));
        Assert.False(Cell(Who.Teacher, Kind.TeachersThread, AnnotationAction.MarkExemplary));
        Assert.False(Cell(Who.Teacher, Kind.AuthorsHighlight, AnnotationAction.MarkExemplary));
        Assert.False(Cell(Who.Teacher, Kind.FeedbackInThread, AnnotationAction.MarkExemplary));
        Assert.True(Cell(Who.Teacher, Kind.AuthorsThread, AnnotationAction.GiveFeedback));
        Assert.True(Cell(Who.Teacher, Kind.AuthorsTeachersThread, AnnotationAction.GiveFeedback));
        Assert.False(Cell(Who.Teacher, Kind.FeedbackOnPassage, AnnotationAction.GiveFeedback));
        Assert.False(Cell(Who.Teacher, Kind.TeachersThread, AnnotationAction.GiveFeedback));
        Assert.True(Cell(Who.Teacher, Kind.ClassmatesThread, AnnotationAction.Resolve));
        Assert.False(Cell(Who.Author, Kind.AuthorsThread, AnnotationAction.Resolve));
        Assert.True(Cell(Who.Author, Kind.AuthorsThread, AnnotationAction.Edit));
        Assert.False(Cell(Who.Classmate, Kind.AuthorsThread, AnnotationAction.Edit));
        Assert.False(Cell(Who.Classmate, Kind.AuthorsThread, AnnotationAction.Delete));
        Assert.True(Cell(Who.Teacher, Kind.ClassmatesReply, AnnotationAction.Delete));
        Assert.True(Cell(Who.Author, Kind.AuthorsOrphan, AnnotationAction.Attach));
        Assert.True(Cell(Who.Teacher, Kind.AuthorsOrphan, AnnotationAction.Attach));
        Assert.False(Cell(Who.Classmate, Kind.AuthorsOrphan, AnnotationAction.Attach));
        Assert.False(Cell(Who.Author, Kind.AuthorsThread, AnnotationAction.Attach));
        Assert.True(Cell(Who.Classmate, Kind.AuthorsThread, AnnotationAction.Reply));
        Assert.DoesNotContain(table, r => r.Who == Who.Classmate && r.Kind is Kind.AuthorsTeachersThread or Kind.FeedbackOnPassage or Kind.AuthorsPrivateNote);
    }

    /// <summary>One annotation of each kind, through the API as each author writes it.</summary>
    private async Task<Dictionary<Kind, Guid>> WriteSetAsync(Classroom room)
    {
        async Task<Guid> Post(ApiUser author, JsonObject annotation) =>
            Guid.Parse((await author.CreateAnnotationAsync(room.DocumentId, annotation)).Iri().Split('/')[^1]);
        string Iri(Guid id) => $"{app.Origin}/api/annotations/{id}";

        var set = new Dictionary<Kind, Guid>();
        set[Kind.AuthorsThread] = await Post(room.StudentA, room.Comment("class struggles", "Which classes?"));
        var highlight = room.Comment("Pope and Tsar", "");
        highlight["motivation"] = "highlighting";
        set[Kind.AuthorsHighlight] = await Post(room.StudentA, highlight);
        set[Kind.ClassmatesReply] = await Post(room.StudentB, AnnotationJson.Reply(Iri(set[Kind.AuthorsThread]), "Bourgeois and proletarian."));
        set[Kind.TeachersReply] = await Post(room.Teacher, AnnotationJson.Reply(Iri(set[Kind.AuthorsThread]), "Read on."));
        set[Kind.TeachersThread] = await Post(room.Teacher, room.Comment("Metternich and Guizot", "Who were they?"));
        var onPassage = room.Comment("holy alliance", "Look at this image again.");
        onPassage["motivation"] = "assessing";
        onPassage["addressee"] = room.StudentA.Id;
        set[Kind.FeedbackOnPassage] = await Post(room.Teacher, onPassage);
        var inThread = AnnotationJson.Reply(Iri(set[Kind.AuthorsThread]), "Argue it from the text.");
        inThread["motivation"] = "assessing";
        set[Kind.FeedbackInThread] = await Post(room.Teacher, inThread);
        set[Kind.AuthorsTeachersThread] = await Post(room.StudentA, room.Comment("French Radicals", "Only for you.", "teachers"));
        set[Kind.AuthorsPrivateNote] = await Post(room.StudentA, room.Comment("nothing to lose but their chains", "Mine.", "private"));
        set[Kind.AuthorsOrphan] = await Post(room.StudentA, room.Comment("struck from the text", "Soon gone."));
        set[Kind.ClassmatesThread] = await Post(room.StudentB, room.Comment("German police-spies", "Spies!"));
        return set;
    }

    /// <summary>(annotation, action) for each button a thread card shows this viewer, every callback given.</summary>
    private HashSet<(Guid, AnnotationAction)> ShownButtons(Viewer viewer, List<AnnotationView> visible)
    {
        var shown = new HashSet<(Guid, AnnotationAction)>();
        foreach (var root in visible.Where(v => !v.IsReply))
        {
            var replies = visible.Where(v => v.ThreadRootId == root.Id && v.IsReply).OrderBy(v => v.Created).ToList();
            var card = bunit.Render<ThreadCard>(ps => ps
                .Add(p => p.Thread, new ThreadModel(root, null, null, replies))
                .Add(p => p.Viewer, viewer)
                .Add(p => p.Actions, ThreadActionsFor.Everything));
            var threadButtons = card.FindAll(".thread-footer button, .mud-paper > button.mud-button-root").Select(b => b.TextContent.Trim()).ToList();
            if (threadButtons.Contains("Reply")) shown.Add((root.Id, AnnotationAction.Reply));
            if (threadButtons.Contains("Give feedback")) shown.Add((root.Id, AnnotationAction.GiveFeedback));
            if (threadButtons.Contains("Resolve")) shown.Add((root.Id, AnnotationAction.Resolve));
            if (threadButtons.Contains("Attach to selected passage")) shown.Add((root.Id, AnnotationAction.Attach));
            var entries = card.FindAll(".thread-entry");
            Assert.Equal(1 + replies.Count, entries.Count);
            foreach (var (entry, annotation) in entries.Zip(replies.Prepend(root)))
            {
                var buttons = entry.QuerySelectorAll(".thread-actions button").Select(b => b.TextContent.Trim()).ToList();
                if (buttons.Contains("Edit")) shown.Add((annotation.Id, AnnotationAction.Edit));
                if (buttons.Contains("Delete")) shown.Add((annotation.Id, AnnotationAction.Delete));
                if (buttons.Contains("Mark exemplary")) shown.Add((annotation.Id, AnnotationAction.MarkExemplary));
            }
        }
        return shown;
    }

    /// <summary>
    /// (annotation, action) for each action the service does for this viewer. Marks are taken back at once;
    /// deletions come last, replies before their threads, so that no call changes what a later one is asked.
    /// </summary>
    private static async Task<HashSet<(Guid, AnnotationAction)>> AllowedActionsAsync(AnnotationService service, string userId, List<AnnotationView> visible)
    {
        var allowed = new HashSet<(Guid, AnnotationAction)>();
        async Task Try(AnnotationView annotation, AnnotationAction action, Func<Task<ServiceResult<AnnotationView>>> call, Func<Task<ServiceResult<AnnotationView>>>? undo = null)
        {
            if ((await call()).Value is null) return;
            allowed.Add((annotation.Id, action));
            if (undo is not null) Assert.NotNull((await undo()).Value);
        }
        var (quote, position) = TextAnchor.Describe(SampleTexts.Manifesto, new TextSpan(SampleTexts.Manifesto.IndexOf("hitherto", StringComparison.Ordinal), SampleTexts.Manifesto.IndexOf("hitherto", StringComparison.Ordinal) + 8));
        foreach (var annotation in visible)
        {
            await Try(annotation, AnnotationAction.MarkExemplary, () => service.SetExemplaryAsync(userId, annotation.Id, true), () => service.SetExemplaryAsync(userId, annotation.Id, false));
            await Try(annotation, AnnotationAction.Resolve, () => service.SetResolvedAsync(userId, annotation.Id, true), () => service.SetResolvedAsync(userId, annotation.Id, false));
            if (!annotation.IsReply)
            {
                await Try(annotation, AnnotationAction.Reply, () => service.CreateAsync(userId, annotation.DocumentId,
                    new AnnotationDraft(Motivations.Replying, null, "A reply.", [], ReplyTo: annotation.Id)));
                await Try(annotation, AnnotationAction.GiveFeedback, () => service.CreateAsync(userId, annotation.DocumentId,
                    new AnnotationDraft(Motivations.Assessing, null, "Some feedback.", [], ReplyTo: annotation.Id)));
            }
            await Try(annotation, AnnotationAction.Edit, () => service.UpdateAsync(userId, annotation.Id,
                new AnnotationDraft(annotation.Motivation, null, annotation.Body, annotation.Tags, ReplyTo: annotation.ParentId), expectedVersion: null));
            await Try(annotation, AnnotationAction.Attach, () => service.ReattachAsync(userId, annotation.Id, quote, position));
        }
        foreach (var annotation in visible.OrderByDescending(v => v.IsReply))
            await Try(annotation, AnnotationAction.Delete, () => service.DeleteAsync(userId, annotation.Id));
        return allowed;
    }
}
