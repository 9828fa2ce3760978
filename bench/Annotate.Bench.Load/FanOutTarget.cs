namespace Annotate.Bench.Load;

/// <summary>
/// One server's side of a fan-out measure: its hub readers' tokens (none for the bare server) and the writer's POST.
/// <see cref="ClientServer"/>, when given, says where each client connects (instances of one installation, the
/// writer posting to <see cref="Server"/>); otherwise every client connects to <see cref="Server"/>.
/// </summary>
internal sealed record FanOutTarget(Server Server, int DocumentId, Func<int, string?> ReaderToken, Func<int, HttpRequestMessage> NewPost,
    Func<int, Uri>? ClientServer = null)
{
    public Uri ServerOf(int client) => ClientServer?.Invoke(client) ?? Server.Url;
}
