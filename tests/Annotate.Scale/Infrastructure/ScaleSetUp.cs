namespace Annotate.Scale.Infrastructure;

/// <summary>
/// What tests/scale.sh started, from the variables it sets: instances A and B on one PostgreSQL database and
/// one Redis, and nginx in front of them (tests/Annotate.Scale/nginx.conf).
/// </summary>
public sealed record ScaleSetUp(Uri A, Uri B, Uri Proxy, int APid)
{
    /// <summary>The cookie by which nginx keeps a browser on one instance (its value: <c>a</c> or <c>b</c>).</summary>
    public const string NodeCookie = "annotate_node";

    /// <summary>Null outside tests/scale.sh.</summary>
    public static ScaleSetUp? Current { get; } = Read();

    private static ScaleSetUp? Read()
    {
        var (a, b, proxy, pid) = (Variable("ANNOTATE_SCALE_A"), Variable("ANNOTATE_SCALE_B"), Variable("ANNOTATE_SCALE_PROXY"), Variable("ANNOTATE_SCALE_A_PID"));
        if (a is null || b is null || proxy is null || pid is null) return null;
        return new ScaleSetUp(new Uri(a), new Uri(b), new Uri(proxy), int.Parse(pid));
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    public static ScaleSetUp Required => Current ?? throw new InvalidOperationException("Run these tests with tests/scale.sh.");
}
