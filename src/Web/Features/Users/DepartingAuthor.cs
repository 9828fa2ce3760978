using Annotate.Data.Entities;

namespace Annotate.Web.Features.Users;

/// <summary>
/// What becomes of the annotations in the threads a departing account wrote in (or received feedback in):
/// their own replies and the feedback addressed to them go; a thread they started goes too, unless
/// someone else's reply in it stays, in which case the thread stays for that reply, emptied of their
/// words; replies that answered something that goes now answer its nearest remaining ancestor, as when
/// one reply is deleted. Worked out in memory from whole threads, so it can be tested without a database.
/// </summary>
internal static class DepartingAuthor
{
    /// <param name="Deleted">Annotations that go.</param>
    /// <param name="NewParents">Replies that stay, each with the annotation it answers from now on.</param>
    /// <param name="Emptied">Threads they started that stay for others' replies.</param>
    public sealed record Plan(IReadOnlySet<Guid> Deleted, IReadOnlyDictionary<Guid, Guid> NewParents, IReadOnlySet<Guid> Emptied);

    /// <param name="threads">Every annotation of each thread the account wrote in or was addressed in.</param>
    public static Plan For(IReadOnlyCollection<Annotation> threads, string userId)
    {
        var byId = threads.ToDictionary(a => a.Id);
        // Feedback for them is theirs alone, and every reply under it is addressed to them too.
        var deleted = threads.Where(a => a.AddresseeId == userId || (a.ParentId is not null && a.AuthorId == userId))
            .Select(a => a.Id).ToHashSet();
        var remainingReplies = threads.Where(a => a.ParentId is not null && !deleted.Contains(a.Id)).ToLookup(a => a.ThreadId ?? a.ParentId!.Value);

        var emptied = new HashSet<Guid>();
        foreach (var root in threads.Where(a => a.ParentId is null && a.AuthorId == userId && !deleted.Contains(a.Id)))
            (remainingReplies[root.Id].Any() ? emptied : deleted).Add(root.Id);

        // A thread that goes takes all of it along (the database cascades the same way).
        var goneThreads = threads.Where(a => a.ParentId is null && deleted.Contains(a.Id)).Select(a => a.Id).ToHashSet();
        deleted.UnionWith(threads.Where(a => a.ThreadId is { } thread && goneThreads.Contains(thread)).Select(a => a.Id));

        var newParents = new Dictionary<Guid, Guid>();
        foreach (var reply in threads.Where(a => a.ParentId is { } parent && !deleted.Contains(a.Id) && deleted.Contains(parent)))
        {
            // The thread's first annotation stays (else the reply would have gone with it), so this ends.
            var parent = reply.ParentId!.Value;
            while (deleted.Contains(parent)) parent = byId[parent].ParentId!.Value;
            newParents[reply.Id] = parent;
        }
        return new Plan(deleted, newParents, emptied);
    }
}
