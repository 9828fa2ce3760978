using System.Linq.Expressions;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared.Search;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;

namespace Annotate.Web.Features.Search;

/// <summary>
/// A parsed search as filters the database runs. Terms on what an annotation is (its words, author, group, tags,
/// document, question, answered, resolved, mine) filter the annotations. Names are chosen in <see cref="SearchScope"/>
/// (<see cref="NameMatch"/>); a name that matches nothing finds nothing, and excludes nothing when negated.
/// </summary>
internal static class SearchFilters
{
    /// <summary>
    /// The seminar's annotations (those of <paramref name="scope"/>'s documents) that the terms on an annotation
    /// allow. With words, a quote or a tag to find, the index's matches are where the database starts, joined to the
    /// annotations; the document test is then written so that SQLite cannot use the document index for it
    /// (<c>DocumentId + 0</c>): without statistics it would rather walk every annotation of the seminar and look each
    /// one up in the matches, which at 100,000 annotations took seconds.
    /// </summary>
    public static IQueryable<Annotation> Narrow(AnnotateDb db, SearchQuery query, SearchScope scope, string me)
    {
        var documentIds = scope.Documents.Select(d => d.Id).ToList();
        var (wanted, unwanted) = Indexed(query);
        IQueryable<Annotation> annotations;
        if (wanted.Count > 0)
        {
            annotations = from id in SearchIndex.Matching(db, wanted, unwanted)
                          join a in db.Annotations on id equals a.Id
                          where documentIds.Contains(a.DocumentId + 0)
                          select a;
        }
        else
        {
            annotations = db.Annotations.Where(a => documentIds.Contains(a.DocumentId));
            if (unwanted.Count > 0)
            {
                var matching = SearchIndex.MatchingAny(db, unwanted);
                annotations = annotations.Where(a => !matching.Contains(a.Id));
            }
        }
        foreach (var term in query.Terms)
        {
            if (Filter(db, term, scope, me) is { } filter)
                annotations = annotations.Where(term.Negated ? Not(filter) : filter);
        }
        return annotations;
    }

    /// <summary>The terms the index answers, wanted and unwanted: words, quotes, and a tag to find (then checked whole; a tag left out needs only the check).</summary>
    public static (List<SearchTerm> Wanted, List<SearchTerm> Unwanted) Indexed(SearchQuery query)
    {
        var indexed = query.Terms.Where(t => t.Field is SearchField.Words or SearchField.Quote || t is { Field: SearchField.Tag, Negated: false }).ToList();
        return (indexed.Where(t => !t.Negated).ToList(), indexed.Where(t => t.Negated).ToList());
    }

    private static Expression<Func<Annotation, bool>>? Filter(AnnotateDb db, SearchTerm term, SearchScope scope, string me)
    {
        switch (term.Field)
        {
            case SearchField.User:
            {
                var ids = NameMatch.Pick(scope.People, p => p.Name, term.Value).Select(p => p.Id).ToList();
                return Unless(ids.Count == 0 && term.Negated, a => a.AuthorId != null && ids.Contains(a.AuthorId));
            }
            case SearchField.Group:
            {
                var groups = NameMatch.Pick(scope.Groups, g => g.Name, term.Value).Select(g => g.Id).ToList();
                var members = scope.People.Where(p => p.GroupId is { } g && groups.Contains(g)).Select(p => p.Id).ToList();
                // A deleted account's thread keeps the group its author was in (FormerAuthorGroupId).
                return Unless(groups.Count == 0 && term.Negated, a => a.AuthorId != null
                    ? members.Contains(a.AuthorId)
                    : a.FormerAuthorGroupId != null && groups.Contains(a.FormerAuthorGroupId.Value));
            }
            case SearchField.Document:
            {
                var ids = NameMatch.Pick(scope.Documents, d => d.Title, term.Value).Select(d => d.Id).ToList();
                return Unless(ids.Count == 0 && term.Negated, a => ids.Contains(a.DocumentId));
            }
            case SearchField.Tag:
            {
                var needle = SearchTags.Needle(term.Value);
                return a => a.SearchTags != null && a.SearchTags.Contains(needle);
            }
            case SearchField.Is when term.Value == SearchSyntax.Question:
                return a => a.ParentId == null && a.Motivation == Motivations.Questioning;
            case SearchField.Is when term.Value == SearchSyntax.Unanswered:
                // Answered is what the asker or a teacher says (POST /answered), not whether someone replied.
                return AnnotationPermissions.OpenQuestionInSql;
            case SearchField.Is when term.Value == SearchSyntax.Resolved:
                return a => a.ThreadId == null
                    ? a.ResolvedAt != null
                    : db.Annotations.Any(thread => thread.Id == a.ThreadId && thread.ResolvedAt != null);
            case SearchField.Is when term.Value == SearchSyntax.Mine:
                return a => a.AuthorId == me;
            default:
                // Words and quotes went to the index.
                return null;
        }
    }

    /// <summary>No filter when <paramref name="skip"/>: a negated name that matches nobody excludes nobody.</summary>
    private static Expression<Func<Annotation, bool>>? Unless(bool skip, Expression<Func<Annotation, bool>> filter) => skip ? null : filter;

    private static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> filter) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(filter.Body), filter.Parameters);
}
