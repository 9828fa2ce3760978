using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared.Search;
using Annotate.Web.Features.Tags;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Import;

/// <summary>
/// An import into a seminar whose teachers locked its tags: the annotations come in (moving last term's discussion is
/// why a teacher imports), but without the tags outside the list, and the report says which were dropped and from how
/// many. Refusing the whole file, or each tagged item, over a label would lose the discussion for the sake of the label.
/// </summary>
internal static class LockedTags
{
    /// <summary>The tags the seminar allows (by <see cref="SearchTags.Key"/>) while it is locked; null when any tag may be used.</summary>
    public static async Task<IReadOnlySet<string>?> AllowedAsync(IDbContextFactory<AnnotateDb> dbFactory, int seminarId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Seminars.AnyAsync(s => s.Id == seminarId && s.TagsLocked, cancellationToken)) return null;
        return (await TagVocabulary.ListAsync(db, seminarId)).Select(t => SearchTags.Key(t.Name)).ToHashSet();
    }

    /// <summary>
    /// Takes the tags <paramref name="allowed"/> lacks off <paramref name="annotations"/> (before they are stored; their
    /// import keys were made from the file, so importing it again still recognises them). Null when none was dropped.
    /// </summary>
    public static TagsDropped? Drop(IReadOnlyList<Annotation> annotations, IReadOnlySet<string> allowed)
    {
        var dropped = new List<string>();
        var seen = new HashSet<string>();
        var from = 0;
        foreach (var annotation in annotations.Where(a => a.Tags.Length > 0))
        {
            var tags = annotation.Tags.Split('\n');
            var kept = tags.Where(t => allowed.Contains(SearchTags.Key(t))).ToList();
            if (kept.Count == tags.Length) continue;
            from++;
            dropped.AddRange(tags.Where(t => !allowed.Contains(SearchTags.Key(t)) && seen.Add(SearchTags.Key(t))));
            annotation.Tags = string.Join('\n', kept);
        }
        return from == 0 ? null : new TagsDropped(dropped, from, "");
    }
}
