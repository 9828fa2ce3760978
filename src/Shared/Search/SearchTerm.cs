namespace Annotate.Shared.Search;

/// <summary>
/// One term of a search: a field (or plain words) and its value, which every result must match, or with
/// <see cref="Negated"/> (written with a leading <c>-</c>) must not. Values keep their case; <c>is:</c> values
/// are lower case. <see cref="Quoted"/> says the value was written in quotes (a phrase, or a name with spaces).
/// </summary>
public sealed record SearchTerm(SearchField Field, string Value, bool Negated = false, bool Quoted = false)
{
    /// <summary>The term as it would be written, for messages and for the search field.</summary>
    public override string ToString()
    {
        var name = SearchSyntax.FieldName(Field);
        var value = Quoted || Value.Contains(' ') ? $"\"{Value}\"" : Value;
        return $"{(Negated ? "-" : "")}{(name is null ? "" : name + ":")}{value}";
    }
}
