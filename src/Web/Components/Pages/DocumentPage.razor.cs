using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.Text;
using Annotate.Shared.W3c;
using Annotate.Web.Components.Documents;
using Annotate.Web.Components.Import;
using Annotate.Web.Components.Reading;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Seminars;
using Annotate.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace Annotate.Web.Components.Pages;

/// <summary>
/// The reading page: loads the document and what the reader may see of its discussion, then keeps
/// both live from the feed (each event asked against the visibility rule for this reader).
/// </summary>
public partial class DocumentPage
{
    [Parameter] public int Id { get; set; }
    /// <summary>A thread to open on arrival (links from the feedback list and the teacher's overview).</summary>
    [SupplyParameterFromQuery(Name = "thread")] public Guid? FocusThread { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] private ReaderAccess Access { get; set; } = default!;
    [Inject] private DocumentService Documents { get; set; } = default!;
    [Inject] private AnnotationService Annotations { get; set; } = default!;
    [Inject] private IAnnotationFeed Feed { get; set; } = default!;
    [Inject] private MembershipService Members { get; set; } = default!;
    [Inject] private ReadingPresence Presence { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private string userId = "";
    private string displayName = "";
    private bool notFound;
    private ReaderAccess.DocumentAccess? access;
    private DocumentService.DocumentText? document;
    private IReadOnlyList<TextBlock> blocks = [];
    private List<AnnotationView> annotations = [];
    private IReadOnlyList<HighlightLayout.PlacedThread> placed = [];
    private List<ThreadModel> threads = [];
    private List<ThreadModel> orphans = [];
    private bool showOrphans;
    private string? search;

    /// <summary>The threads the search leaves (all without one): a thread stays when any post in it matches.</summary>
    private List<ThreadModel> ShownThreads => string.IsNullOrWhiteSpace(search)
        ? threads
        : threads.Where(t => AnnotationSearch.Matches(t.Root, search) || t.Replies.Any(r => AnnotationSearch.Matches(r, search))).ToList();
    private IReadOnlyList<ReadingPresence.Reader> readers = [];
    private IReadOnlyList<Visibility> visibilityOptions = [];
    /// <summary>For teachers: the students feedback can be addressed to, and the one chosen in the composer.</summary>
    private List<MembershipService.Member> students = [];
    private string? feedbackFor;
    private ArticleView.SelectedPassage? selection;
    private TextSpan? composing;
    private Guid? selectedThread;
    /// <summary>Placing threads on a new revision, as far as this teacher's threads go; null when nothing is being placed.</summary>
    private AnchoringTally? anchoring;
    private DateTimeOffset now;
    private ArticleView? articleView;
    private IDisposable? subscription;
    private int? subscribedTo;
    /// <summary>Feed events held while the page loads; null once it has caught up.</summary>
    private List<FeedEvent>? arrivedWhileLoading;
    private IDisposable? presence;
    private ITimer? clockTimer;
    private IJSObjectReference? module;
    private bool redrawQueued;
    private DateTimeOffset lastRedraw;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private string NewDraftKey => Drafts.Key(userId, "new", Id);

    private string CountLabel
    {
        get
        {
            var count = annotations.Count;
            return count == 1 ? "1 annotation" : $"{count} annotations";
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        now = Clock.GetUtcNow();
        // A live circuit listens before it loads, holding what arrives meanwhile, so nothing posted during
        // the load is missed and nothing is loaded twice. (A prerender never listens: it would never let go.)
        if (RendererInfo.IsInteractive && subscribedTo != Id)
        {
            subscription?.Dispose();
            arrivedWhileLoading = [];
            subscription = Feed.Subscribe(Id, OnFeedEvent);
            subscribedTo = Id;
        }
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        userId = user?.UserIdOrNull() ?? "";
        displayName = user?.DisplayName() ?? "";
        access = await Access.ForDocumentAsync(userId, Id);
        document = access is null ? null : await Documents.GetAsync(Id);
        notFound = document is null;
        if (access is null || document is null)
        {
            // Nothing here to keep up to date.
            arrivedWhileLoading = null;
            return;
        }

        blocks = TextBlocks.Parse(document.Text);
        visibilityOptions = VisibilityOptionsFor(access.Viewer);
        annotations = await Annotations.ListVisibleAsync(access);
        await LoadStudentsAsync();
        Rebuild();
        await CatchUpAsync();
    }

    /// <summary>Events that came while the page loaded, applied in order on what it loaded (applying one twice changes nothing).</summary>
    private async Task CatchUpAsync()
    {
        if (arrivedWhileLoading is not { } arrived) return;
        arrivedWhileLoading = null;
        foreach (var feedEvent in arrived) await HandleAsync(feedEvent);
    }

    private async Task LoadStudentsAsync()
    {
        students = access?.Viewer.IsTeacher == true && (await Members.ListMembersAsync(userId, access.SeminarId)).Value is { } members
            ? members.Where(m => m.Role == SeminarRole.Student).OrderBy(m => m.DisplayName).ToList()
            : [];
        if (feedbackFor is not null && students.All(s => s.UserId != feedbackFor)) feedbackFor = null;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The first render with the document loaded (not necessarily the first render: loading may still
        // be under way then), and only in a live circuit.
        if (presence is not null || access is null || document is null || !RendererInfo.IsInteractive) return;
        presence = Presence.Enter(Id, userId, displayName);
        Presence.Changed += OnPresenceChanged;
        readers = Presence.ReadersOf(Id);
        // Relative times ("5 min ago") move on by themselves.
        clockTimer = Clock.CreateTimer(_ => InvokeAsync(() => { now = Clock.GetUtcNow(); StateHasChanged(); }), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/DocumentPage.razor.js");
        await RestoreDraftAsync();
        StateHasChanged();
        if (FocusThread is { } focus && annotations.Any(a => a.Id == focus))
        {
            await RevealThreadAsync(focus);
            if (articleView is not null) await articleView.FlashAsync(focus);
        }
    }


    /// <summary>A comment half-written before a reload or a lost connection comes back with its passage.</summary>
    private async Task RestoreDraftAsync()
    {
        if (document is null || await Drafts.LoadAsync(JS, NewDraftKey) is not { Start: { } start, End: { } end } draft) return;
        if (start < 0 || end > document.Text.Length || end <= start || draft.Body.Length == 0) return;
        composing = new TextSpan(start, end);
    }

    /// <summary>
    /// Runs on this page's own queue of the feed, never in the writer's request: waiting here for the page
    /// holds up only this page's later events, in order, and a page that falls too far behind is handed a
    /// <see cref="FellBehindEvent"/> in place of what it missed.
    /// </summary>
    private Task OnFeedEvent(FeedEvent feedEvent) => InvokeAsync(async () =>
    {
        // One of the previous document's, still on its way when the page moved to another.
        if (feedEvent.DocumentId != subscribedTo) return;
        if (arrivedWhileLoading is not null) arrivedWhileLoading.Add(feedEvent);
        else await HandleAsync(feedEvent);
    });

    private async Task HandleAsync(FeedEvent feedEvent)
    {
        if (access is null) return;
        switch (feedEvent)
        {
            case AnnotationEvent annotationEvent when annotationEvent.KindFor(access.Viewer) is { } kind:
                Apply(kind, annotationEvent.Annotation, redraw: false);
                RedrawSoon();
                return;
            case AnnotationsImportedEvent imported:
                ApplyImported(imported.VisibleTo(access.Viewer).ToList());
                return;
            case DocumentRevisedEvent:
                await ReloadAfterRevisionAsync();
                break;
            case AccessChangedEvent changed when changed.OthersAffected || changed.UserId == userId:
                await ReloadAccessAsync();
                break;
            // Teachers only, and only their threads are counted: a count of all would tell how many are hidden.
            case AnchoringProgressEvent progress when access.Viewer.IsTeacher:
                if (anchoring?.Revision != progress.Revision) anchoring = new AnchoringTally(progress.Revision, annotations);
                anchoring.Apply(progress);
                if (anchoring.Finished) anchoring = null;
                break;
            case FellBehindEvent:
                await ReloadAfterFallingBehindAsync();
                break;
            default:
                return;
        }
        StateHasChanged();
    }

    /// <summary>
    /// Someone was removed, moved to another group or made teacher: this reader may now see more or
    /// less (or nothing), so the page asks again rather than trust what it loaded.
    /// </summary>
    private async Task ReloadAccessAsync()
    {
        access = await Access.ForDocumentAsync(userId, Id);
        if (access is null)
        {
            notFound = true;
            // No longer a reader here (removed, the account or the seminar deleted): others stop seeing them present.
            presence?.Dispose();
            Presence.Changed -= OnPresenceChanged;
            readers = [];
            annotations = [];
            composing = null;
            selection = null;
            Rebuild();
            return;
        }
        visibilityOptions = VisibilityOptionsFor(access.Viewer);
        document = await Documents.GetAsync(Id) ?? document;
        annotations = await Annotations.ListVisibleAsync(access);
        await LoadStudentsAsync();
        Rebuild();
    }

    /// <summary>
    /// Events were dropped while this page lagged (a busy circuit): it loads what the reader may see again
    /// rather than show a discussion with a gap, and takes a text changed meanwhile as a revision.
    /// </summary>
    private async Task ReloadAfterFallingBehindAsync()
    {
        anchoring = null;
        var revision = document?.Revision;
        await ReloadAccessAsync();
        if (access is not null && document is not null && document.Revision != revision) await ReloadAfterRevisionAsync();
    }

    /// <summary>A teacher changed the text: show the new one with the threads where they now are.</summary>
    private async Task ReloadAfterRevisionAsync()
    {
        if (access is null) return;
        document = await Documents.GetAsync(Id);
        if (document is null) return;
        blocks = TextBlocks.Parse(document.Text);
        annotations = await Annotations.ListVisibleAsync(access);
        selection = null;
        if (composing is not null)
        {
            // The selected offsets belonged to the old text; the typed comment stays in the draft.
            composing = null;
            Snackbar.Add("The text was just updated by a teacher. Select your passage again; your comment is kept.", Severity.Info);
        }
        Rebuild();
    }

    private void OnPresenceChanged(int documentId)
    {
        if (documentId != Id) return;
        _ = InvokeAsync(() =>
        {
            readers = Presence.ReadersOf(Id);
            StateHasChanged();
        });
    }

    /// <summary>
    /// Bursts of events (many members posting at once, a page catching up) are each taken in as they come,
    /// but the page is laid out and drawn at most once a tenth of a second (drawing hundreds of threads
    /// hundreds of times took minutes). A lone event, the usual case, is drawn at once: live updates wait for nothing.
    /// </summary>
    private void RedrawSoon()
    {
        if (redrawQueued) return;
        var since = Clock.GetUtcNow() - lastRedraw;
        if (since >= RedrawInterval)
        {
            Redraw();
            return;
        }
        redrawQueued = true;
        _ = InvokeAsync(async () =>
        {
            await Task.Delay(RedrawInterval - since);
            redrawQueued = false;
            Redraw();
        });

        void Redraw()
        {
            lastRedraw = Clock.GetUtcNow();
            Rebuild();
            StateHasChanged();
        }
    }

    private void Apply(AnnotationEventKind kind, AnnotationView annotation, bool redraw = true)
    {
        annotations.RemoveAll(a => a.Id == annotation.Id);
        if (kind == AnnotationEventKind.Deleted)
        {
            annotations.RemoveAll(a => a.ThreadId == annotation.Id);
            if (selectedThread == annotation.Id) selectedThread = null;
        }
        else
        {
            annotations.Add(annotation);
        }
        if (redraw) Rebuild();
    }

    /// <summary>An import's annotations, thousands perhaps, taken in at once and drawn once.</summary>
    private void ApplyImported(List<AnnotationView> imported)
    {
        if (imported.Count == 0) return;
        var ids = imported.Select(a => a.Id).ToHashSet();
        annotations.RemoveAll(a => ids.Contains(a.Id));
        annotations.AddRange(imported);
        RedrawSoon();
    }

    /// <summary>Recomputes where threads sit; a new list each time so the article knows to redraw.</summary>
    private void Rebuild()
    {
        if (document is null) return;
        placed = HighlightLayout.Place(document.Text, annotations.Where(a => !a.IsReply));
        var replies = annotations.Where(a => a.IsReply).ToLookup(a => a.ThreadRootId);
        var all = placed
            .Select(p => new ThreadModel(p.Thread, p.Span, ParagraphAt(p.Span), replies[p.Thread.Id].OrderBy(r => r.Created).ToList()))
            .OrderBy(t => t.Span?.Start ?? int.MaxValue).ThenBy(t => t.Root.Created)
            .ToList();
        threads = all.Where(t => t.Span is not null).ToList();
        orphans = all.Where(t => t.Span is null).ToList();
        if (orphans.Count == 0) showOrphans = false;
    }

    private static IReadOnlyList<Visibility> VisibilityOptionsFor(Viewer viewer) => viewer.GroupId is null
        ? [Visibility.Seminar, Visibility.Teachers, Visibility.Private]
        : [Visibility.Seminar, Visibility.Group, Visibility.Teachers, Visibility.Private];

    private int? ParagraphAt(TextSpan? span) =>
        span is { } s ? TextBlocks.ParagraphAt(blocks, s.Start) : null;

    private void OnSelectionChanged(ArticleView.SelectedPassage? passage) => selection = passage;

    private void StartAnnotating(TextSpan span)
    {
        composing = span;
        selection = null;
    }

    private async Task HighlightAsync(TextSpan span)
    {
        selection = null;
        var error = await CreateAsync(Motivations.Highlighting, "", Visibility.Seminar, span);
        if (error is not null) Snackbar.Add(error, Severity.Error);
        else if (articleView is not null) await articleView.ClearSelectionAsync();
    }

    private async Task<string?> PostAsync(AnnotationEditor.Submission submission)
    {
        if (composing is not { } span) return "Select a passage first.";
        var error = feedbackFor is null
            ? await CreateAsync(Motivations.Commenting, submission.Body, submission.Visibility, span)
            : await CreateAsync(Motivations.Assessing, submission.Body, Visibility.Teachers, span, feedbackFor);
        if (error is null)
        {
            composing = null;
            feedbackFor = null;
            // The editor calls this through a plain delegate, so the page must redraw itself.
            StateHasChanged();
            if (articleView is not null) await articleView.ClearSelectionAsync();
        }
        return error;
    }

    private async Task<string?> CreateAsync(string motivation, string body, Visibility visibility, TextSpan span, string? addresseeId = null)
    {
        var (quote, position) = TextAnchor.Describe(document!.Text, span);
        var result = await Annotations.CreateAsync(userId, Id, new AnnotationDraft(motivation, visibility, body, [], quote, position, AddresseeId: addresseeId));
        if (result.Annotation is not { } created) return result.Message;
        Apply(AnnotationEventKind.Created, created);
        selectedThread = created.Id;
        return null;
    }

    private async Task<string?> ReplyAsync(ThreadModel thread, string body)
    {
        var result = await Annotations.CreateAsync(userId, Id,
            new AnnotationDraft(Motivations.Replying, thread.Root.Visibility, body, [], ReplyTo: thread.Id));
        if (result.Annotation is not { } created) return result.Message;
        Apply(AnnotationEventKind.Created, created);
        StateHasChanged();
        return null;
    }

    /// <summary>A teacher's feedback in a student's thread: for that student alone (and the teachers).</summary>
    private async Task<string?> FeedbackAsync(ThreadModel thread, string body)
    {
        var result = await Annotations.CreateAsync(userId, Id,
            new AnnotationDraft(Motivations.Assessing, thread.Root.Visibility, body, [], ReplyTo: thread.Id));
        if (result.Annotation is not { } created) return result.Message;
        Apply(AnnotationEventKind.Created, created);
        StateHasChanged();
        return null;
    }

    private async Task ResolveAsync(ThreadModel thread, bool resolved)
    {
        var result = await Annotations.SetResolvedAsync(userId, thread.Id, resolved);
        if (result.Annotation is not { } marked)
        {
            Snackbar.Add(result.Message ?? "Could not change the thread.", Severity.Error);
            return;
        }
        Apply(AnnotationEventKind.Updated, marked);
    }

    private async Task MarkExemplaryAsync(AnnotationView annotation, bool exemplary)
    {
        var result = await Annotations.SetExemplaryAsync(userId, annotation.Id, exemplary);
        if (result.Annotation is not { } marked)
        {
            Snackbar.Add(result.Message ?? "Could not change the annotation.", Severity.Error);
            return;
        }
        Apply(AnnotationEventKind.Updated, marked);
    }

    private async Task<string?> EditAsync(AnnotationView annotation, AnnotationEditor.Submission submission)
    {
        var draft = new AnnotationDraft(annotation.Motivation, submission.Visibility, submission.Body, annotation.Tags, ReplyTo: annotation.ParentId);
        var result = await Annotations.UpdateAsync(userId, annotation.Id, draft, annotation.Version);
        if (result.Annotation is not { } updated) return result.Message;
        Apply(AnnotationEventKind.Updated, updated);
        StateHasChanged();
        return null;
    }

    private async Task DeleteAsync(AnnotationView annotation)
    {
        var what = annotation.IsReply ? "this reply" : "this thread and all its replies";
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            annotation.IsReply ? "Delete reply?" : "Delete thread?",
            $"Delete {what}? This cannot be undone.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true) return;
        var result = await Annotations.DeleteAsync(userId, annotation.Id);
        if (result.Annotation is null)
        {
            Snackbar.Add(result.Message ?? "Could not delete.", Severity.Error);
            return;
        }
        Apply(AnnotationEventKind.Deleted, annotation);
        Snackbar.Add(annotation.IsReply ? "Reply deleted." : "Thread deleted.", Severity.Info);
    }

    private async Task AttachAsync(ThreadModel thread)
    {
        if (selection is not { } passage || document is null)
        {
            Snackbar.Add("Select the passage in the text first, then choose Attach to selected passage.", Severity.Warning);
            return;
        }
        var (quote, position) = TextAnchor.Describe(document.Text, passage.Span);
        var result = await Annotations.ReattachAsync(userId, thread.Id, quote, position);
        if (result.Annotation is not { } attached)
        {
            Snackbar.Add(result.Message ?? "Could not attach the thread.", Severity.Error);
            return;
        }
        selection = null;
        Apply(AnnotationEventKind.Updated, attached);
        selectedThread = attached.Id;
        Snackbar.Add("Thread attached to the selected passage.", Severity.Success);
        if (articleView is not null) await articleView.ClearSelectionAsync();
    }

    /// <summary>The imported threads arrive through the feed like everyone's; the dialog only reports.</summary>
    private async Task OpenImportAsync()
    {
        if (access is null) return;
        var parameters = new DialogParameters<ImportAnnotationsDialog>
        {
            { d => d.DocumentId, Id },
            { d => d.UserId, userId },
            { d => d.VisibilityOptions, visibilityOptions },
        };
        await Dialogs.ShowAsync<ImportAnnotationsDialog>("Import annotations", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
    }

    private async Task SelectThreadAsync(Guid threadId)
    {
        selectedThread = threadId;
        if (articleView is not null) await articleView.FlashAsync(threadId);
    }

    private async Task RevealThreadAsync(Guid threadId)
    {
        selectedThread = threadId;
        StateHasChanged();
        if (module is not null) await module.InvokeVoidAsync("revealThread", threadId.ToString());
    }

    private static string Shorten(string quote) => quote.Length <= 300 ? quote : quote[..297] + "…";

    public async ValueTask DisposeAsync()
    {
        subscription?.Dispose();
        Presence.Changed -= OnPresenceChanged;
        presence?.Dispose();
        if (clockTimer is not null) await clockTimer.DisposeAsync();
        try
        {
            if (module is not null) await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
        }
    }
}
