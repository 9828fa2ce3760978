namespace Annotate.Shared.Search;

/// <summary>What a term of a search narrows by: words (body and quote) or one of the fields written <c>name:value</c>.</summary>
public enum SearchField
{
    /// <summary>Words or a "phrase" in the comment or the quoted passage.</summary>
    Words,
    /// <summary><c>quote:</c> words or a phrase in the quoted passage only.</summary>
    Quote,
    /// <summary><c>user:</c> the author, by display name.</summary>
    User,
    /// <summary><c>tag:</c> one of the annotation's tags, whole.</summary>
    Tag,
    /// <summary><c>group:</c> the author's group, by name.</summary>
    Group,
    /// <summary><c>doc:</c> the document, by title.</summary>
    Document,
    /// <summary><c>is:</c> question, unanswered, resolved or mine.</summary>
    Is,
}
