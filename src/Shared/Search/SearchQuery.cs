namespace Annotate.Shared.Search;

/// <summary>
/// A parsed search (<see cref="SearchSyntax.Parse"/>): every term must hold for a result. Terms keep the
/// order they were written in.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<SearchTerm> Terms)
{
    /// <summary>The terms of one field, negated or not.</summary>
    public IEnumerable<SearchTerm> Of(SearchField field) => Terms.Where(t => t.Field == field);

    /// <summary>
    /// The words and phrases a result was found by, to mark in its comment (<see cref="SearchField.Words"/>)
    /// and in its passage (those and <see cref="SearchField.Quote"/>); negated terms found nothing.
    /// </summary>
    public IReadOnlyList<string> MarkedInBody => Terms.Where(t => !t.Negated && t.Field == SearchField.Words).Select(t => t.Value).ToList();

    /// <inheritdoc cref="MarkedInBody"/>
    public IReadOnlyList<string> MarkedInQuote =>
        Terms.Where(t => !t.Negated && t.Field is SearchField.Words or SearchField.Quote).Select(t => t.Value).ToList();

    public override string ToString() => string.Join(' ', Terms);
}
