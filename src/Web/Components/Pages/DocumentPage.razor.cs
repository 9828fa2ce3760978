using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.W3c;
using Annotate.Web.Components.Reading;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Notifications;
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
    [Inject] private MentionCandidates MentionCandidates { get; set; } = default!;

    private string userId = "";
    private string displayName = "";
    private bool notFound;
    private ReaderAccess.DocumentAccess? access;
    private DocumentService.DocumentText? document;
    private readonly Discussion discussion = new();
    private bool showOrphans;
    private string? search;

    /// <summary>The threads the search leaves (all without one): a thread stays when any post in it matches.</summary>
    private IReadOnlyList<ThreadModel> ShownThreads => threadFilter.Apply(string.IsNullOrWhiteSpace(search)
        ? discussion.Threads
        : discussion.Threads.Where(t => AnnotationSearch.Matches(t.Root, search) || t.Replies.Any(r => AnnotationSearch.Matches(r, search))).ToList(), userId);
    private IReadOnlyList<ReadingPresence.Reader> readers = [];
    private IReadOnlyList<Visibility> visibilityOptions = [];
    /// <summary>For teachers: the students feedback can be addressed to, and the one chosen in the composer.</summary>
    private List<MembershipService.Member> students = [];
    private string? feedbackFor;
    private ArticleView.SelectedPassage? selection;
    private TextSpan? composing;
    private Guid? selectedThread;
    private DateTimeOffset now;
    private ArticleView? articleView;
    private ThreadFeed? feed;
    private IDisposable? subscription;
    private int? subscribedTo;
    private IDisposable? presence;
    private ITimer? clockTimer;
    /// <summary>What the cards of the list offer, and those of the orphans (attaching too); made once, not on every render of every card.</summary>
    private readonly ThreadActions actions;
    private readonly ThreadActions orphanActions;

    public DocumentPage()
    {
        // One reply path for both replies and feedback.
        actions = new ThreadActions((thread, body) => ReplyAsync(thread, Motivations.Replying, body), EditAsync, DeleteAsync)
        {
            Select = EventCallback.Factory.Create<Guid>(this, SelectThreadAsync),
            Feedback = (thread, body) => ReplyAsync(thread, Motivations.Assessing, body),
            Resolve = ResolveAsync,
            Exemplary = MarkExemplaryAsync,
            React = ReactAsync,
            Answer = AnswerAsync,
            // A reply is seen by whoever sees its thread.
            Mentionable = thread => MentionCandidates.ForAsync(Id, thread.Root.Access, userId),
        };
        orphanActions = actions with { Select = default, Attach = AttachAsync };
    }

    /// <summary>Who can be mentioned in a new thread with <paramref name="visibility"/>: who would see it (feedback: its student and the teachers).</summary>
    private Task<IReadOnlyList<MentionCandidate>> NewThreadMentionable(Visibility visibility) =>
        MentionCandidates.ForAsync(Id, new VisibilityFacts(userId, feedbackFor is null ? visibility : Visibility.Teachers,
            access?.Viewer.GroupId, feedbackFor), userId);

    private string NewDraftKey => Drafts.Key(userId, "new", Id);

    private string CountLabel => discussion.Count == 1 ? L["Reading.OneAnnotation"] : L["Reading.Annotations", discussion.Count];

    private string ComposerTitle => asking ? L["Reading.NewQuestion"] : L["Reading.NewAnnotation"];

    private string ComposerSubmit => feedbackFor is not null ? L["Thread.SendFeedback"] : asking ? L["Reading.Ask"] : L["Editor.Post"];


    protected override async Task OnParametersSetAsync()
    {
        now = Clock.GetUtcNow();
        // A live circuit listens before it loads, holding what arrives meanwhile, so nothing posted during
        // the load is missed and nothing is loaded twice. (A prerender never listens: it would never let go.)
        if (RendererInfo.IsInteractive && subscribedTo != Id)
        {
            subscription?.Dispose();
            discussion.HoldEvents();
            subscription = Feed.Subscribe(Id, OnFeedEvent);
            subscribedTo = Id;
        }
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        userId = user?.UserIdOrNull() ?? "";
        displayName = user?.DisplayName() ?? "";
        access = await Access.ForDocumentAsync(userId, Id);
        await LoadVocabularyAsync();
        await LoadGroupsAsync();
        // The document is shown only with its discussion: set apart, a render between the two awaits drew the text
        // without its threads and said "No annotations yet" for a moment.
        var loaded = access is null ? null : await Documents.GetAsync(Id);
        notFound = loaded is null;
        if (access is null || loaded is null)
        {
            // Nothing here to keep up to date.
            discussion.CatchUp();
            return;
        }

        visibilityOptions = VisibilityOptionsFor(access.Viewer);
        await LoadDiscussionAsync(loaded);
        await LoadStudentsAsync();
        // Events that came while the page loaded, applied in order on what it loaded (applying one twice changes nothing).
        foreach (var feedEvent in discussion.CatchUp()) await HandleAsync(feedEvent);
    }

    /// <summary>
    /// The discussion of the document's text, as far as the reader may see it. The page keeps the discussion's
    /// instance of the text, which every open page of the document shares, rather than a copy of its own.
    /// </summary>
    private async Task LoadDiscussionAsync(DocumentService.DocumentText loaded)
    {
        discussion.Load(loaded.Text, await Annotations.ListVisibleAsync(access!));
        document = loaded with { Text = discussion.Text };
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
        clockTimer = Clock.CreateTimer(_ => Dispatch(() => { now = Clock.GetUtcNow(); StateHasChanged(); }), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        await RestoreDraftAsync();
        await LoadPreferencesAsync();
        StateHasChanged();
        if (FocusThread is { } focus && discussion.Contains(focus))
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

    /// <summary>A change of the discussion (local or live): what the page shows of it must still be there.</summary>
    private void AfterChange()
    {
        if (selectedThread is { } selected && !discussion.Contains(selected)) selectedThread = null;
        if (discussion.Orphans.Count == 0) showOrphans = false;
    }

    /// <summary>
    /// The reader's own change, shown at once: the page draws itself, because the cards' buttons call plain delegates
    /// (no redraw of the page follows them) and the change's echo from the feed then changes nothing.
    /// </summary>
    private void Apply(AnnotationEventKind kind, AnnotationView annotation)
    {
        if (!discussion.Apply(kind, annotation)) return;
        AfterChange();
        StateHasChanged();
    }

    private static IReadOnlyList<Visibility> VisibilityOptionsFor(Viewer viewer) => viewer.GroupId is null
        ? [Visibility.Seminar, Visibility.Teachers, Visibility.Private]
        : [Visibility.Seminar, Visibility.Group, Visibility.Teachers, Visibility.Private];

    private async Task SelectThreadAsync(Guid threadId)
    {
        selectedThread = threadId;
        if (articleView is not null) await articleView.FlashAsync(threadId);
    }

    private async Task RevealThreadAsync(Guid threadId)
    {
        selectedThread = threadId;
        await OpenDiscussionAsync();
        StateHasChanged();
        if (feed is not null) await feed.RevealAsync(threadId);
    }

    private static string Shorten(string quote) => quote.Length <= 300 ? quote : quote[..297] + "…";

    public async ValueTask DisposeAsync()
    {
        subscription?.Dispose();
        Presence.Changed -= OnPresenceChanged;
        presence?.Dispose();
        if (clockTimer is not null) await clockTimer.DisposeAsync();
    }
}
