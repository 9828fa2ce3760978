using Annotate.Shared;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// One annotation as the database hands it over for reading (<see cref="AnnotationViews.Rows"/>): its own columns,
/// and, joined in the same query, what the visibility rule needs about its thread (the thread's author,
/// visibility and the author's group in the seminar) and the names shown with it. <see cref="VisibilityFilter"/>
/// filters these in SQL.
/// </summary>
internal sealed class AnnotationRow
{
    public Guid Id { get; init; }
    public int DocumentId { get; init; }
    public Guid? ParentId { get; init; }
    public Guid? ThreadId { get; init; }
    public string? AuthorId { get; init; }
    public string AuthorName { get; init; } = "";
    public SeminarRole? AuthorRole { get; init; }
    public string? AddresseeId { get; init; }
    public string? AddresseeName { get; init; }
    public string Motivation { get; init; } = "";
    /// <summary>The annotation's own visibility (for a reply: its thread's when it was written).</summary>
    public Visibility Visibility { get; init; }
    public string Body { get; init; } = "";
    /// <summary>The words of <see cref="Body"/>, stored when it was written (null on an old row until the start-up backfill).</summary>
    public int? WordCount { get; init; }
    public string Tags { get; init; } = "";
    public string? Exact { get; init; }
    public string? Prefix { get; init; }
    public string? Suffix { get; init; }
    public int? Start { get; init; }
    public int? End { get; init; }
    public int DocumentRevision { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Modified { get; init; }
    public int Version { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public bool Exemplary { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    /// <summary>The reply named as a question's answer, and its own visibility and addressee (for who may see it).</summary>
    public Guid? AnswerId { get; init; }
    public Visibility? AnswerVisibility { get; init; }
    public string? AnswerAddresseeId { get; init; }
    public string? AttributedTo { get; init; }

    /// <summary>The thread's author: the annotation's own for a thread, the first annotation's for a reply; null once deleted.</summary>
    public string? ThreadAuthorId { get; init; }
    /// <summary>The thread's visibility now (the annotation's own for a thread); null only if the thread is missing.</summary>
    public Visibility? ThreadVisibility { get; init; }
    /// <summary>The thread author's group in the seminar now, or the group they left with their account.</summary>
    public int? ThreadGroupId { get; init; }

    /// <summary>The revision of the annotation's document now.</summary>
    public int CurrentRevision { get; init; }
}
