using System.Text;

namespace Annotate.Shared.Search;

/// <summary>
/// The search syntax, the same in the search field and in <c>GET /api/search?q=</c> (docs/api.md, "Search"):
/// terms separated by spaces, all of which must hold. A term is words, a <c>"phrase"</c>, or a field
/// <c>name:value</c> (<c>user:</c>, <c>tag:</c>, <c>quote:</c>, <c>group:</c>, <c>doc:</c>, <c>is:</c>) whose value may be
/// quoted (<c>user:"Ana B"</c>); a leading <c>-</c> negates a term. Decisions a person may trip over:
/// <list type="bullet">
/// <item>an unclosed quote runs to the end of the search (so a phrase being typed already searches);</item>
/// <item>an unknown field (<c>foo:bar</c>) is an error that says which fields there are and that quotes search
/// for the words themselves (<c>"foo:bar"</c>); a word that merely ends in a colon (<c>note:</c>) is a word;</item>
/// <item>a term with no letter or digit in it (<c>?</c>, a lone <c>-</c>) finds nothing and is left out;</item>
/// <item>curly quotes count as straight ones, since phones and word processors type them.</item>
/// </list>
/// </summary>
public static class SearchSyntax
{
    /// <summary>The longest search accepted, in characters.</summary>
    public const int MaxLength = 500;

    /// <summary>The most terms a search may have.</summary>
    public const int MaxTerms = 20;

    /// <summary>The values of <c>is:</c>.</summary>
    public const string Question = "question", Unanswered = "unanswered", Resolved = "resolved", Mine = "mine";

    private static readonly string[] States = [Question, Unanswered, Resolved, Mine];

    private static readonly (string Name, SearchField Field)[] Fields =
    [
        ("user", SearchField.User), ("tag", SearchField.Tag), ("quote", SearchField.Quote),
        ("group", SearchField.Group), ("doc", SearchField.Document), ("is", SearchField.Is),
    ];

    /// <summary>The fields as a person writes them, for help and messages.</summary>
    public static string FieldList => "user:, tag:, quote:, group:, doc: or is:";

    /// <summary>What to say when there is nothing to search for.</summary>
    public const string NothingToSearch = "Type a word, a \"phrase\" or a field such as tag:… or is:question to search for.";

    private static readonly Complaint Nothing = Complaint.Of("Problem.SearchNothing", NothingToSearch);

    /// <summary>The name a field is written with (<c>doc</c> for <see cref="SearchField.Document"/>), or null for plain words.</summary>
    public static string? FieldName(SearchField field) =>
        field == SearchField.Words ? null : Fields.First(f => f.Field == field).Name;

    public static SearchParse Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return SearchParse.Failed(Nothing);
        if (text.Length > MaxLength)
            return SearchParse.Failed(Complaint.Of("Problem.SearchTooLong",
                "A search can be at most {0} characters long; this one has {1}. Leave some words out.", MaxLength, text.Length));

        var terms = new List<SearchTerm>();
        var reader = new Reader(StraightQuotes(text));
        while (reader.SkipSpace())
        {
            var negated = reader.Take('-');
            var (field, error) = reader.Field();
            if (error is not null) return SearchParse.Failed(error);
            var (value, quoted) = reader.Value();
            if (field is { } named)
            {
                if (value.Length == 0)
                    return SearchParse.Failed(NeedsValue(named));
                if (named == SearchField.Is)
                {
                    value = value.ToLowerInvariant();
                    if (!States.Contains(value))
                        return SearchParse.Failed(Complaint.Of("Problem.SearchNoSuchState",
                            "is: can be is:question, is:unanswered, is:resolved or is:mine, not is:{0}.", value));
                }
                terms.Add(new SearchTerm(named, value, negated, quoted));
            }
            // Words with nothing in them to find ("?", a lone "-") are left out rather than match everything or nothing.
            else if (HasWordCharacter(value))
                terms.Add(new SearchTerm(SearchField.Words, value, negated, quoted));
        }
        if (terms.Count == 0) return SearchParse.Failed(Nothing);
        if (terms.Count > MaxTerms)
            return SearchParse.Failed(Complaint.Of("Problem.SearchTooManyTerms",
                "A search can have at most {0} terms; this one has {1}. Leave some out.", MaxTerms, terms.Count));
        return new SearchParse(new SearchQuery(terms), null);
    }

    /// <summary>Whether <paramref name="value"/> has something a word is made of: a letter or a digit.</summary>
    public static bool HasWordCharacter(string value) => value.Any(char.IsLetterOrDigit);

    /// <summary>A field written without its value, with an example (two where a quoted value is worth showing).</summary>
    private static Complaint NeedsValue(SearchField field)
    {
        var name = FieldName(field)!;
        return field switch
        {
            SearchField.User => NeedsValue(name, "user:ana", "user:\"Ana B\""),
            SearchField.Quote => NeedsValue(name, "quote:workers", "quote:\"all countries\""),
            SearchField.Tag => NeedsValue(name, "tag:context"),
            SearchField.Group => NeedsValue(name, "group:\"Group 1\""),
            SearchField.Document => NeedsValue(name, "doc:manifesto"),
            _ => NeedsValue(name, "is:question"),
        };
    }

    private static Complaint NeedsValue(string name, string example) =>
        Complaint.Of("Problem.SearchNeedsValue", "{0}: needs a value right after the colon, e.g. {1}.", name, example);

    private static Complaint NeedsValue(string name, string example, string other) =>
        Complaint.Of("Problem.SearchNeedsValueOr", "{0}: needs a value right after the colon, e.g. {1} or {2}.", name, example, other);

    private static string StraightQuotes(string text) =>
        text.Replace('“', '"').Replace('”', '"').Replace('„', '"').Replace('‟', '"').Replace('″', '"');

    /// <summary>Reads terms off the search, left to right.</summary>
    private sealed class Reader(string text)
    {
        private int at;

        /// <summary>Skips spaces; false at the end.</summary>
        public bool SkipSpace()
        {
            while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
            return at < text.Length;
        }

        public bool Take(char c)
        {
            if (at >= text.Length || text[at] != c) return false;
            at++;
            return true;
        }

        /// <summary>
        /// A field name and its colon, when the term starts with one (outside quotes); an error for a name we do not
        /// know that is followed by a value. A word that only ends in a colon ("note:") is left to be read as a word.
        /// </summary>
        public (SearchField? Field, Complaint? Error) Field()
        {
            var end = at;
            while (end < text.Length && char.IsAsciiLetter(text[end])) end++;
            if (end == at || end >= text.Length || text[end] != ':') return (null, null);
            var name = text[at..end];
            foreach (var (known, field) in Fields)
            {
                if (!name.Equals(known, StringComparison.OrdinalIgnoreCase)) continue;
                at = end + 1;
                return (field, null);
            }
            if (end + 1 >= text.Length || char.IsWhiteSpace(text[end + 1])) return (null, null);
            var term = text[at..];
            var space = term.IndexOfAny([' ', '\t', '\n', '\r']);
            var written = space < 0 ? term : term[..space];
            return (null, Complaint.Of("Problem.SearchNoSuchField", "There is no field \"{0}:\". Search by " + FieldList
                + "; to search for the words themselves, put them in quotes: \"{1}\".", name, written.Replace("\"", "")));
        }

        /// <summary>
        /// The value, up to the next space outside quotes. Quoted parts keep their spaces (runs of them become one);
        /// an unclosed quote runs to the end.
        /// </summary>
        public (string Value, bool Quoted) Value()
        {
            var value = new StringBuilder();
            bool inQuotes = false, quoted = false;
            for (; at < text.Length; at++)
            {
                var c = text[at];
                if (c == '"')
                {
                    inQuotes = !inQuotes;
                    quoted = true;
                    continue;
                }
                if (char.IsWhiteSpace(c))
                {
                    if (!inQuotes) break;
                    if (value.Length > 0 && value[^1] != ' ') value.Append(' ');
                    continue;
                }
                value.Append(c);
            }
            return (value.ToString().Trim(), quoted);
        }
    }
}
