using Annotate.Data.Entities;

namespace Annotate.Web.Realtime;

/// <summary>One thread placed on a new revision, and how (exact, on edited words, or orphaned).</summary>
public readonly record struct PlacedThread(Guid Id, AnchorState State);
