using System.Text.Json.Nodes;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Reactions;

/// <summary>
/// The visibility matrix's people and annotations (<see cref="MatrixItem"/>, <see cref="MatrixViewer"/>), written
/// through the API in a classroom of its own, for reactions and answers: the shared matrix scene counts its live
/// events, which reactions would add to.
/// </summary>
public sealed class DiscussionMatrixScene : IAsyncLifetime
{
    private readonly Dictionary<MatrixViewer, ApiUser> people = [];
    private readonly Dictionary<MatrixItem, string> items = [];

    public AnnotateApp App { get; } = new();
    public int SeminarId { get; private set; }
    public int DocumentId { get; private set; }

    public string IriOf(MatrixItem item) => items[item];
    public ApiUser? Person(MatrixViewer viewer) => people.GetValueOrDefault(viewer);
    public HttpClient ApiClient(MatrixViewer viewer) => Person(viewer)?.Http ?? App.CreateApiClient();

    /// <summary>Whether the viewer may see the item, by the visibility matrix's table.</summary>
    public static bool Sees(MatrixItem item, MatrixViewer viewer) =>
        VisibilityMatrixTests.Oracle.Single(row => row.Item == item).Seen.Split(' ', StringSplitOptions.RemoveEmptyEntries)[(int)viewer] == "Y";

    /// <summary>Who wrote each item.</summary>
    public static MatrixViewer AuthorOf(MatrixItem item) => item switch
    {
        MatrixItem.TeachersReply or MatrixItem.Feedback or MatrixItem.FeedbackInThread => MatrixViewer.Teacher,
        MatrixItem.GroupReply => MatrixViewer.SameGroup,
        MatrixItem.SeminarReply => MatrixViewer.OtherGroup,
        _ => MatrixViewer.Author,
    };

    public static readonly MatrixViewer[] Members = [MatrixViewer.Author, MatrixViewer.SameGroup, MatrixViewer.OtherGroup, MatrixViewer.Teacher];

    public async Task InitializeAsync()
    {
        (SeminarId, DocumentId) = await MatrixPeople.CreateAsync(App, "discussion", people);
        var teacher = people[MatrixViewer.Teacher];

        var a = people[MatrixViewer.Author];
        await ThreadAsync(MatrixItem.Private, a, "A spectre is haunting Europe", "private");
        await ReplyAsync(MatrixItem.PrivateReply, a, MatrixItem.Private);
        await ThreadAsync(MatrixItem.Teachers, a, "Pope and Tsar", "teachers");
        await ReplyAsync(MatrixItem.TeachersReply, teacher, MatrixItem.Teachers);
        await ThreadAsync(MatrixItem.Group, a, "Metternich and Guizot", "group");
        await ReplyAsync(MatrixItem.GroupReply, people[MatrixViewer.SameGroup], MatrixItem.Group);
        await ThreadAsync(MatrixItem.Seminar, a, "class struggles", "seminar");
        await ReplyAsync(MatrixItem.SeminarReply, people[MatrixViewer.OtherGroup], MatrixItem.Seminar);

        var feedback = AnnotationJson.Comment(App.DocumentIri(DocumentId), SampleTexts.Manifesto, "nothing to lose but their chains", "Feedback for A", "seminar");
        feedback["motivation"] = "assessing";
        feedback["addressee"] = $"{App.Origin}/api/users/{a.Id}";
        items[MatrixItem.Feedback] = (await teacher.CreateAnnotationAsync(DocumentId, feedback)).Iri();
        await ReplyAsync(MatrixItem.FeedbackReply, a, MatrixItem.Feedback);
        var inThread = AnnotationJson.Reply(IriOf(MatrixItem.Seminar), "Feedback in A's thread", "seminar");
        inThread["motivation"] = "assessing";
        items[MatrixItem.FeedbackInThread] = (await teacher.CreateAnnotationAsync(DocumentId, inThread)).Iri();
        await ReplyAsync(MatrixItem.FeedbackInThreadReply, a, MatrixItem.FeedbackInThread);
    }

    /// <summary>Every thread is a question, so that both kinds of reaction apply to it.</summary>
    private async Task ThreadAsync(MatrixItem item, ApiUser author, string passage, string visibility)
    {
        var question = AnnotationJson.Comment(App.DocumentIri(DocumentId), SampleTexts.Manifesto, passage, $"A question, {item}?", visibility);
        question["motivation"] = "questioning";
        items[item] = (await author.CreateAnnotationAsync(DocumentId, question)).Iri();
    }

    private async Task ReplyAsync(MatrixItem item, ApiUser author, MatrixItem parent) =>
        items[item] = (await author.CreateAnnotationAsync(DocumentId, AnnotationJson.Reply(IriOf(parent), $"Reply {item}", "seminar"))).Iri();

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}
