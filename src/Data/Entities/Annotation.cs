using Annotate.Shared;
using Annotate.Shared.Text;

namespace Annotate.Data.Entities;

/// <summary>
/// A comment, highlight or reply on a document. Thread roots carry the selectors (code points of the
/// canonical text of <see cref="DocumentRevision"/>); replies have a <see cref="ParentId"/> and take the
/// thread's visibility.
/// </summary>
public class Annotation
{
    public Guid Id { get; set; }
    public int DocumentId { get; set; }
    /// <summary>
    /// Null once the author deleted their account and the thread stayed for the replies others wrote in
    /// it (shown as by "a deleted account", its body removed).
    /// </summary>
    public string? AuthorId { get; set; }
    /// <summary>
    /// For a thread whose author deleted their account: the group they were in then, so a group thread
    /// stays with the group-mates who replied in it. Null otherwise (a living author's group is their membership's).
    /// </summary>
    public int? FormerAuthorGroupId { get; set; }
    /// <summary>The annotation this one answers (replies only).</summary>
    public Guid? ParentId { get; set; }
    /// <summary>The first annotation of the thread (replies only), so a thread loads in one query.</summary>
    public Guid? ThreadId { get; set; }

    public string Motivation { get; set; } = "commenting";
    public Visibility Visibility { get; set; } = Visibility.Seminar;
    private string body = "";
    private string tags = "";

    /// <summary>Markdown; empty for a plain highlight. Setting it sets <see cref="SearchText"/> and <see cref="WordCount"/>.</summary>
    public string Body
    {
        get => body;
        set
        {
            body = value;
            SearchText = MarkdownText.ToPlain(value);
            WordCount = WordCounter.Count(value);
        }
    }

    /// <summary>Tags separated by "\n"; kept as one column because they are only ever read with the annotation. Setting them sets <see cref="SearchTags"/>.</summary>
    public string Tags
    {
        get => tags;
        set
        {
            tags = value;
            SearchTags = Shared.Search.SearchTags.Column(value);
        }
    }

    /// <summary>
    /// The words of <see cref="Body"/> without its Markdown: what the search index holds (the database's triggers
    /// copy it there on every insert and change). Kept here, beside the body, so that every way of writing an
    /// annotation (a save, a bulk insert) stores it. Null only on a row written before search existed, until the
    /// start-up backfill (<see cref="RefreshDerivedColumns"/>) reaches it.
    /// </summary>
    public string? SearchText { get; private set; } = "";

    /// <summary>The tags as <c>tag:</c> compares them (<see cref="Shared.Search.SearchTags.Column"/>); null like <see cref="SearchText"/>.</summary>
    public string? SearchTags { get; private set; } = "";

    /// <summary>
    /// The words of <see cref="Body"/> (<see cref="WordCounter"/>), stored so that the teacher's counts need not read every
    /// body. Null only on a row written before it was stored, until the start-up backfill reaches it.
    /// </summary>
    public int? WordCount { get; private set; } = 0;

    /// <summary>Works out <see cref="SearchText"/>, <see cref="SearchTags"/> and <see cref="WordCount"/> again from the body and tags.</summary>
    public void RefreshDerivedColumns()
    {
        SearchText = MarkdownText.ToPlain(body);
        SearchTags = Shared.Search.SearchTags.Column(tags);
        WordCount = WordCounter.Count(body);
    }

    /// <summary>
    /// The quote (with <see cref="Prefix"/> and <see cref="Suffix"/>) and its position <see cref="Start"/>-<see cref="End"/>
    /// in the text of <see cref="DocumentRevision"/>. A thread root with a quote and no position was imported from
    /// another text and its quote is not in this one: it is an orphan, and keeps the words it came with.
    /// </summary>
    public string? Exact { get; set; }
    public string? Prefix { get; set; }
    public string? Suffix { get; set; }
    public int? Start { get; set; }
    public int? End { get; set; }
    public int DocumentRevision { get; set; }

    /// <summary>
    /// Teacher feedback for one student: that student and the seminar's teachers see it and its replies,
    /// no one else, whatever the thread's visibility. Replies inherit it from what they answer.
    /// </summary>
    public string? AddresseeId { get; set; }
    /// <summary>When a teacher marked the thread resolved; null while it is open (thread roots only).</summary>
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedById { get; set; }
    /// <summary>When the asker or a teacher marked a question answered; null while it is open (questions only).</summary>
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>
    /// The reply in the thread that answered the question, when the one who marked it named one. No foreign key: adding
    /// one would make SQLite rebuild the table and lose the search index's triggers; a deleted reply simply names nothing
    /// (AnnotationViews joins it, and finds none).
    /// </summary>
    public Guid? AnswerId { get; set; }
    /// <summary>A teacher holds this up as a model answer; it is shown to whoever may see the annotation anyway.</summary>
    public bool Exemplary { get; set; }

    /// <summary>For imported annotations: a key of the source annotation, so importing the same file twice adds nothing.</summary>
    public string? ImportKey { get; set; }
    /// <summary>For imported annotations: the name of the person who wrote it in the source (the importer owns it here).</summary>
    public string? AttributedTo { get; set; }

    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Modified { get; set; }
    /// <summary>Bumped on every change; the ETag and the optimistic concurrency token.</summary>
    public int Version { get; set; } = 1;

    public Document? Document { get; set; }
    public ApplicationUser? Author { get; set; }
    public Annotation? Parent { get; set; }
}
