namespace Annotate.Bench.Load;

/// <summary>One server's side of a fan-out measure: its hub readers' tokens (none for the bare server) and the writer's POST.</summary>
internal sealed record FanOutTarget(Server Server, int DocumentId, Func<int, string?> ReaderToken, Func<int, HttpRequestMessage> NewPost);
