using Annotate.Data.Entities;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Realtime;

namespace Annotate.Web.Components.Documents;

/// <summary>
/// How far placing the threads on a new revision has come, as one reader may know it: counted over the
/// threads they can see that were written on an older text, never over all of them (a total of every
/// thread would tell them how many they cannot see, such as students' private notes).
/// </summary>
internal sealed class AnchoringTally(int revision, IEnumerable<AnnotationView> visible)
{
    private readonly HashSet<Guid> waiting = visible
        .Where(a => !a.IsReply && a.Quote is not null && a.DocumentRevision < revision)
        .Select(a => a.Id).ToHashSet();
    private readonly Dictionary<Guid, AnchorState> placed = [];

    public int Revision { get; } = revision;

    /// <summary>The reader's threads to place.</summary>
    public int Total => waiting.Count;

    public int Done => placed.Count;

    public int Edited => placed.Values.Count(state => state == AnchorState.Edited);

    public int Orphaned => placed.Values.Count(state => state == AnchorState.Orphan);

    /// <summary>Every thread of the revision is placed and stored (the reader's and all others).</summary>
    public bool Finished { get; private set; }

    /// <summary>Takes in an event of this revision; events of another revision change nothing.</summary>
    public void Apply(AnchoringProgressEvent progress)
    {
        if (progress.Revision != Revision) return;
        foreach (var thread in progress.Placed)
            if (waiting.Contains(thread.Id)) placed[thread.Id] = thread.State;
        if (progress.Finished) Finished = true;
    }

    /// <summary>The revision needed no placing at all (no thread was written before it).</summary>
    public void Finish() => Finished = true;
}
