namespace Annotate.Web.Features.Annotations;

/// <summary>
/// Searching a discussion: always over what the reader may already see (the caller passes the list the
/// visibility rule produced), so a search can never surface, or count, a hidden annotation.
/// </summary>
public static class AnnotationSearch
{
    /// <summary>Whether the words of <paramref name="query"/> all occur in the annotation's comment, tags, quote or author (ignoring case).</summary>
    public static bool Matches(AnnotationView annotation, string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return true;
        foreach (var word in query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!(Has(annotation.Body, word) || Has(annotation.Quote?.Exact, word) || Has(annotation.AuthorName, word)
                  || annotation.Tags.Any(t => Has(t, word))))
                return false;
        }
        return true;
    }

    private static bool Has(string? text, string word) => text?.Contains(word, StringComparison.CurrentCultureIgnoreCase) == true;
}
