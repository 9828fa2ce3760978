namespace Annotate.Web.Realtime;

/// <summary>How much may wait for one reader before it has fallen behind: items, and their bytes where they are counted.</summary>
internal sealed record QueueLimits(int Items, long Bytes = long.MaxValue);
