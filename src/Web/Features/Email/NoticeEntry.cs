namespace Annotate.Web.Features.Email;

/// <summary>One thing a notice mail tells: what happened, the passage it is about, the comment's words (plain text), and where to read it.</summary>
internal sealed record NoticeEntry(string Sentence, string? Passage, string? Words, Uri Link);
