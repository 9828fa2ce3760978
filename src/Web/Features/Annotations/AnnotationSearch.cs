namespace Annotate.Web.Features.Annotations;

/// <summary>
/// Searching a discussion: always over what the reader may already see (the caller passes what the
/// visibility rule produced), so a search can never surface, or count, a hidden annotation.
/// </summary>
public static class AnnotationSearch
{
    /// <summary>Whether the words of <paramref name="query"/> all occur in the annotation's comment, tags, quote or author (ignoring case).</summary>
    public static bool Matches(AnnotationView annotation, string? query) =>
        Matches(annotation.Body, annotation.Quote?.Exact, annotation.AuthorName, annotation.Tags, query);

    /// <summary>The same, from the parts searched (for reads that fetch only those).</summary>
    public static bool Matches(string body, string? quote, string authorName, IReadOnlyList<string> tags, string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return true;
        foreach (var word in query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!(Has(body, word) || Has(quote, word) || Has(authorName, word) || tags.Any(t => Has(t, word))))
                return false;
        }
        return true;
    }

    private static bool Has(string? text, string word) => text?.Contains(word, StringComparison.CurrentCultureIgnoreCase) == true;
}
