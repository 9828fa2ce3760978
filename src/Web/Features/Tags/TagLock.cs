using Annotate.Data;
using Annotate.Shared.Search;
using Microsoft.EntityFrameworkCore;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Tags;

/// <summary>What a locked vocabulary allows an annotation to carry; asked by every way of writing one.</summary>
internal sealed class TagLock(IDbContextFactory<AnnotateDb> dbFactory)
{
    /// <summary>
    /// While the seminar's tags are locked, the first tag of <paramref name="tags"/> that is neither in the vocabulary
    /// nor among <paramref name="kept"/> (what the annotation carried already) is refused with a sentence; null when all may be used.
    /// </summary>
    public async Task<string?> CheckAsync(int seminarId, IReadOnlyList<string> tags, IReadOnlyList<string> kept)
    {
        var keptKeys = kept.Select(SearchTags.Key).ToHashSet();
        var added = tags.Where(t => !keptKeys.Contains(SearchTags.Key(t))).ToList();
        if (added.Count == 0) return null;
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Seminars.AnyAsync(s => s.Id == seminarId && s.TagsLocked)) return null;
        var vocabulary = await TagVocabulary.ListAsync(db, seminarId);
        var known = vocabulary.Select(t => SearchTags.Key(t.Name)).ToHashSet();
        if (added.FirstOrDefault(t => !known.Contains(SearchTags.Key(t))) is not { } unknown) return null;
        return vocabulary.Count == 0
            ? Words.Text("Problem.TagsLockedNone", unknown)
            : Words.Text("Problem.TagsLocked", unknown, string.Join(", ", vocabulary.Select(t => t.Name)));
    }

}
