using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared.Search;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Seminars;
using Annotate.Web.Realtime;
using Microsoft.EntityFrameworkCore;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Tags;

/// <summary>
/// A seminar's tag vocabulary: its members read it (the editor's suggestions, highlight colours), its teachers
/// curate it and may lock it, and while it is locked an annotation may carry only its tags. Every change reaches
/// the open pages of the seminar's documents at once.
/// </summary>
internal sealed class TagVocabulary(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access, AnnotationService annotations,
    IAnnotationFeed feed, TimeProvider clock)
{
    public static string NoSuchTag => Words.Text("Problem.NoSuchTag");

    public async Task<ServiceResult<List<TagEntry>>> ListAsync(string userId, int seminarId)
    {
        if (await access.ForSeminarAsync(userId, seminarId) is null) return ServiceProblem.NotFound(ReaderAccess.NoSuchSeminar);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await ListAsync(db, seminarId);
    }

    /// <summary>The vocabulary of a seminar whose member is known already (the reading page).</summary>
    public async Task<List<TagEntry>> ListAsync(int seminarId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await ListAsync(db, seminarId);
    }

    internal static Task<List<TagEntry>> ListAsync(AnnotateDb db, int seminarId) =>
        db.SeminarTags.Where(t => t.SeminarId == seminarId).OrderBy(t => t.Key)
            .Select(t => new TagEntry(t.Id, t.Name, t.Colour, t.Description)).ToListAsync();

    /// <summary>Whether the vocabulary is locked, and the tags in use on what the caller can see that it lacks.</summary>
    public async Task<ServiceResult<Tagging>> TaggingAsync(string userId, int seminarId)
    {
        if (await access.ForSeminarDocumentsAsync(userId, seminarId) is not { } reader) return ServiceProblem.NotFound(ReaderAccess.NoSuchSeminar);
        await using var db = await dbFactory.CreateDbContextAsync();
        var locked = await db.Seminars.Where(s => s.Id == seminarId).Select(s => s.TagsLocked).FirstAsync();
        var known = (await ListAsync(db, seminarId)).Select(t => SearchTags.Key(t.Name)).ToHashSet();
        var tagged = AnnotationViews.Rows(db, db.Annotations.Where(a => a.Tags != "" && db.Documents.Any(d => d.Id == a.DocumentId && d.SeminarId == seminarId)))
            .Where(VisibilityFilter.ForSeminar(reader.Viewer, reader.AwaitingOwnPost));
        var tags = await tagged.Select(r => r.Tags).AsNoTracking().ToListAsync();
        var suggestions = tags.SelectMany(AnnotationViews.TagsOf)
            .GroupBy(SearchTags.Key).Where(g => !known.Contains(g.Key))
            .Select(g => new TagUse(g.First(), g.Count())).OrderByDescending(u => u.Uses).ThenBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new Tagging(locked, suggestions);
    }

    public async Task<ServiceResult<TagEntry>> AddAsync(string userId, int seminarId, TagInput input)
    {
        if (await MembershipService.TeacherCheckAsync(access, userId, seminarId, "Problem.TeachersOnlyTags") is { } denied) return denied;
        await using var db = await dbFactory.CreateDbContextAsync();
        var (tag, problem) = TagRules.Check(input, await db.SeminarTags.Where(t => t.SeminarId == seminarId).Select(t => t.Colour).ToListAsync());
        if (tag is null) return ServiceProblem.Invalid(problem!);
        var key = SearchTags.Key(tag.Name!);
        if (await db.SeminarTags.AnyAsync(t => t.SeminarId == seminarId && t.Key == key)) return Taken(tag.Name!);
        var stored = new SeminarTag { SeminarId = seminarId, Name = tag.Name!, Key = key, Colour = tag.Colour!, Description = tag.Description!, Created = clock.GetUtcNow() };
        db.SeminarTags.Add(stored);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return Taken(tag.Name!);
        }
        await AnnounceAsync(db, seminarId);
        return new TagEntry(stored.Id, stored.Name, stored.Colour, stored.Description);
    }

    /// <summary>Changes a tag; a new name is given to every annotation of the seminar that carries the old one.</summary>
    public async Task<ServiceResult<TagEntry>> UpdateAsync(string userId, int seminarId, int tagId, TagInput input)
    {
        if (await MembershipService.TeacherCheckAsync(access, userId, seminarId, "Problem.TeachersOnlyTags") is { } denied) return denied;
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.SeminarTags.FirstOrDefaultAsync(t => t.Id == tagId && t.SeminarId == seminarId) is not { } stored) return ServiceProblem.NotFound(NoSuchTag);
        var (tag, problem) = TagRules.Check(input with { Colour = input.Colour ?? stored.Colour }, []);
        if (tag is null) return ServiceProblem.Invalid(problem!);
        var key = SearchTags.Key(tag.Name!);
        if (key != stored.Key && await db.SeminarTags.AnyAsync(t => t.SeminarId == seminarId && t.Key == key)) return Taken(tag.Name!);
        var oldName = stored.Name;
        (stored.Name, stored.Key, stored.Colour, stored.Description) = (tag.Name!, key, tag.Colour!, tag.Description!);
        await db.SaveChangesAsync();
        if (oldName != stored.Name) await annotations.RenameTagAsync(seminarId, oldName, stored.Name);
        await AnnounceAsync(db, seminarId);
        return new TagEntry(stored.Id, stored.Name, stored.Colour, stored.Description);
    }

    /// <summary>Takes a tag out of the vocabulary; annotations keep it (uncoloured), as their authors wrote it.</summary>
    public async Task<ServiceResult> DeleteAsync(string userId, int seminarId, int tagId)
    {
        if (await MembershipService.TeacherCheckAsync(access, userId, seminarId, "Problem.TeachersOnlyTags") is { } denied) return denied;
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.SeminarTags.Where(t => t.Id == tagId && t.SeminarId == seminarId).ExecuteDeleteAsync() == 0) return ServiceProblem.NotFound(NoSuchTag);
        await AnnounceAsync(db, seminarId);
        return ServiceResult.Done;
    }

    public async Task<ServiceResult> SetLockedAsync(string userId, int seminarId, bool locked)
    {
        if (await MembershipService.TeacherCheckAsync(access, userId, seminarId, "Problem.TeachersOnlyTagLock") is { } denied) return denied;
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Seminars.Where(s => s.Id == seminarId).ExecuteUpdateAsync(set => set.SetProperty(s => s.TagsLocked, locked));
        await AnnounceAsync(db, seminarId);
        return ServiceResult.Done;
    }

    private static ServiceProblem Taken(string name) => new(Failure.Conflict, Words.Text("Problem.TagTaken", name));

    private async Task AnnounceAsync(AnnotateDb db, int seminarId)
    {
        foreach (var documentId in await db.Documents.Where(d => d.SeminarId == seminarId).Select(d => d.Id).ToListAsync())
            await feed.PublishAsync(new TagsChangedEvent(documentId, seminarId));
    }
}
