using Annotate.Shared.Search;
using Annotate.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Annotations;

// A vocabulary tag renamed by a teacher: the annotations carrying it follow.
internal sealed partial class AnnotationService
{
    /// <summary>
    /// Gives every annotation of the seminar tagged <paramref name="oldName"/> the tag <paramref name="newName"/>
    /// instead. Not an edit of anyone's words: versions stay, and readers get the annotations updated.
    /// </summary>
    public async Task RenameTagAsync(int seminarId, string oldName, string newName)
    {
        var needle = SearchTags.Needle(oldName);
        var key = SearchTags.Key(oldName);
        await using var db = await dbFactory.CreateDbContextAsync();
        var tagged = await db.Annotations
            .Where(a => a.SearchTags != null && a.SearchTags.Contains(needle) && db.Documents.Any(d => d.Id == a.DocumentId && d.SeminarId == seminarId))
            .ToListAsync();
        if (tagged.Count == 0) return;
        foreach (var annotation in tagged)
            annotation.Tags = string.Join('\n', AnnotationViews.TagsOf(annotation.Tags)
                .Select(t => SearchTags.Key(t) == key ? newName : t).Distinct(StringComparer.Ordinal));
        await db.SaveChangesAsync();
        var ids = tagged.Select(a => a.Id).ToList();
        foreach (var view in await AnnotationViews.LoadAsync(db, db.Annotations.Where(a => ids.Contains(a.Id))))
            await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Updated, view));
    }
}
