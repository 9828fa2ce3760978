using System.Text.Json.Nodes;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests;

/// <summary>The people of the visibility matrix, as seen from the author of the student annotations.</summary>
public enum MatrixViewer
{
    /// <summary>Student A: writes the student threads; the one the feedback is for.</summary>
    Author,
    /// <summary>Student S, in A's group.</summary>
    SameGroup,
    /// <summary>Student O, in the other group.</summary>
    OtherGroup,
    Teacher,
    /// <summary>Has an account, is not in the seminar.</summary>
    NonMember,
    SignedOut,
}

/// <summary>The annotations of the matrix: a thread of each kind and a reply under each.</summary>
public enum MatrixItem
{
    /// <summary>A's thread, visibility private.</summary>
    Private,
    /// <summary>A's own reply in it, sent asking for "seminar".</summary>
    PrivateReply,
    /// <summary>A's thread, visibility teachers.</summary>
    Teachers,
    /// <summary>The teacher's reply in it, sent asking for "seminar".</summary>
    TeachersReply,
    /// <summary>A's thread, visibility group.</summary>
    Group,
    /// <summary>S's reply in it, sent asking for "seminar".</summary>
    GroupReply,
    /// <summary>A's thread, visibility seminar.</summary>
    Seminar,
    /// <summary>O's reply in it.</summary>
    SeminarReply,
    /// <summary>The teacher's feedback on a passage addressed to A, sent asking for "seminar".</summary>
    Feedback,
    /// <summary>A's reply under that feedback, sent asking for "seminar".</summary>
    FeedbackReply,
    /// <summary>The teacher's feedback ("assessing") in A's seminar thread: for A alone.</summary>
    FeedbackInThread,
    /// <summary>A's reply under that feedback, sent asking for "seminar".</summary>
    FeedbackInThreadReply,
}

/// <summary>
/// One classroom for the whole matrix (every channel, every cell): a teacher, students A and S in group
/// one, O in group two, an outsider and nobody. Hub connections and open reading pages of everyone are
/// in place BEFORE the annotations are written, so the live channels see them as pushes; a seminar-wide
/// barrier written last has reached every member's connection and page when the tests start.
/// </summary>
public sealed class VisibilityMatrixScene : IAsyncLifetime
{
    public const string Collection = "Visibility matrix";

    private readonly Dictionary<MatrixViewer, ApiUser> people = [];
    private readonly Dictionary<MatrixItem, (string Iri, string Marker)> items = [];

    public AnnotateApp App { get; } = new();
    public LiveReadingPages Pages { get; private set; } = default!;
    public int DocumentId { get; private set; }
    public int SeminarId { get; private set; }
    public string BarrierIri { get; private set; } = "";
    public string BarrierMarker { get; } = Marker("Barrier");

    /// <summary>Hub connections of the members (joined) and of the outsider (join refused); the signed-out one could not connect.</summary>
    public Dictionary<MatrixViewer, HubListener> Hubs { get; } = [];
    public Exception? OutsiderJoinRefusal { get; private set; }
    public Exception? SignedOutConnectRefusal { get; private set; }

    /// <summary>The reading pages, open from before the first annotation (bUnit, the app's services).</summary>
    public Dictionary<MatrixViewer, LivePage> LivePages { get; } = [];

    /// <summary>The server-rendered reading page each viewer's browser gets, fetched with their cookie after everything was written.</summary>
    public Dictionary<MatrixViewer, CookieReader.ReadingPageHtml> PageHtml { get; } = [];

    public string IriOf(MatrixItem item) => items[item].Iri;
    public string MarkerOf(MatrixItem item) => items[item].Marker;
    public Guid IdOf(MatrixItem item) => Guid.Parse(IriOf(item)[(IriOf(item).LastIndexOf('/') + 1)..]);

    /// <summary>The person behind a viewer; null for the signed-out one.</summary>
    public ApiUser? Person(MatrixViewer viewer) => people.GetValueOrDefault(viewer);

    /// <summary>An API client for the viewer (bearer token), or one with no credentials.</summary>
    public HttpClient ApiClient(MatrixViewer viewer) => Person(viewer)?.Http ?? App.CreateApiClient();

    public async Task InitializeAsync()
    {
        (SeminarId, DocumentId) = await MatrixPeople.CreateAsync(App, "matrix", people);

        // Live channels first: everything below must reach them as it happens.
        foreach (var viewer in new[] { MatrixViewer.Author, MatrixViewer.SameGroup, MatrixViewer.OtherGroup, MatrixViewer.Teacher })
        {
            Hubs[viewer] = await App.ConnectHubAsync(people[viewer]);
            await Hubs[viewer].JoinAsync(DocumentId);
        }
        Hubs[MatrixViewer.NonMember] = await App.ConnectHubAsync(people[MatrixViewer.NonMember]);
        OutsiderJoinRefusal = await Record.ExceptionAsync(() => Hubs[MatrixViewer.NonMember].JoinAsync(DocumentId));
        SignedOutConnectRefusal = await Record.ExceptionAsync(async () => await HubListener.ConnectAsync(App.Server, token: null));
        Pages = new LiveReadingPages(App);
        foreach (var viewer in Enum.GetValues<MatrixViewer>())
            LivePages[viewer] = await Pages.OpenAsync(Person(viewer), DocumentId);

        await WriteAnnotationsAsync();

        foreach (var viewer in new[] { MatrixViewer.Author, MatrixViewer.SameGroup, MatrixViewer.OtherGroup, MatrixViewer.Teacher })
        {
            await Hubs[viewer].WaitForAsync(HubListener.Created, BarrierIri);
            await LivePages[viewer].WaitUntilShownAsync(BarrierMarker);
        }
        Hubs[MatrixViewer.NonMember].TakeArrived();

        foreach (var viewer in Enum.GetValues<MatrixViewer>())
        {
            var browser = Person(viewer) is { } person ? await CookieReader.SignInAsync(App, person) : CookieReader.SignedOut(App);
            PageHtml[viewer] = await browser.GetReadingPageAsync(DocumentId);
        }
    }

    /// <summary>Every annotation through the public API, replies asking for more than their thread allows.</summary>
    private async Task WriteAnnotationsAsync()
    {
        var a = people[MatrixViewer.Author];
        var s = people[MatrixViewer.SameGroup];
        var o = people[MatrixViewer.OtherGroup];
        var teacher = people[MatrixViewer.Teacher];

        await ThreadAsync(MatrixItem.Private, a, "A spectre is haunting Europe", "private");
        await ReplyAsync(MatrixItem.PrivateReply, a, MatrixItem.Private, "seminar");
        await ThreadAsync(MatrixItem.Teachers, a, "Pope and Tsar", "teachers");
        await ReplyAsync(MatrixItem.TeachersReply, teacher, MatrixItem.Teachers, "seminar");
        await ThreadAsync(MatrixItem.Group, a, "Metternich and Guizot", "group");
        await ReplyAsync(MatrixItem.GroupReply, s, MatrixItem.Group, "seminar");
        await ThreadAsync(MatrixItem.Seminar, a, "class struggles", "seminar");
        await ReplyAsync(MatrixItem.SeminarReply, o, MatrixItem.Seminar, null);

        // Feedback asks for the whole seminar on purpose: being for one student must win.
        var feedbackMarker = Marker(nameof(MatrixItem.Feedback));
        var feedback = AnnotationJson.Comment(App.DocumentIri(DocumentId), SampleTexts.Manifesto, "nothing to lose but their chains", feedbackMarker, "seminar");
        feedback["motivation"] = "assessing";
        feedback["addressee"] = $"{App.Origin}/api/users/{a.Id}";
        items[MatrixItem.Feedback] = (await CreateAsync(teacher, feedback), feedbackMarker);
        await ReplyAsync(MatrixItem.FeedbackReply, a, MatrixItem.Feedback, "seminar");

        var inThreadMarker = Marker(nameof(MatrixItem.FeedbackInThread));
        var inThread = AnnotationJson.Reply(IriOf(MatrixItem.Seminar), inThreadMarker, "seminar");
        inThread["motivation"] = "assessing";
        items[MatrixItem.FeedbackInThread] = (await CreateAsync(teacher, inThread), inThreadMarker);
        await ReplyAsync(MatrixItem.FeedbackInThreadReply, a, MatrixItem.FeedbackInThread, "seminar");

        BarrierIri = await CreateAsync(teacher, AnnotationJson.Comment(App.DocumentIri(DocumentId), SampleTexts.Manifesto, "Working men of all countries, unite!", BarrierMarker));
    }

    private async Task ThreadAsync(MatrixItem item, ApiUser author, string passage, string visibility)
    {
        var marker = Marker(item.ToString());
        items[item] = (await CreateAsync(author, AnnotationJson.Comment(App.DocumentIri(DocumentId), SampleTexts.Manifesto, passage, marker, visibility)), marker);
    }

    private async Task ReplyAsync(MatrixItem item, ApiUser author, MatrixItem parent, string? visibility)
    {
        var marker = Marker(item.ToString());
        items[item] = (await CreateAsync(author, AnnotationJson.Reply(IriOf(parent), marker, visibility)), marker);
    }

    private async Task<string> CreateAsync(ApiUser author, JsonObject annotation) =>
        (await author.CreateAnnotationAsync(DocumentId, annotation)).Iri();

    /// <summary>A word that occurs nowhere else: the body of one annotation, searched for in every channel.</summary>
    private static string Marker(string name) => $"mx{name}{Guid.NewGuid():N}"[..(name.Length + 14)];

    public async Task DisposeAsync()
    {
        if (Pages is not null) await Pages.DisposeAsync();
        await App.DisposeAsync();
    }
}

/// <summary>The matrix tests share one scene (and the export matrix joins them when it is switched on).</summary>
[CollectionDefinition(VisibilityMatrixScene.Collection)]
public sealed class VisibilityMatrixCollection : ICollectionFixture<VisibilityMatrixScene>
{
}
