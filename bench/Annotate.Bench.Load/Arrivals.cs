using System.Diagnostics;

namespace Annotate.Bench.Load;

/// <summary>
/// When each hub client received each post. A connection gets its messages in order and one per post, so
/// its k-th message is the k-th post's: no id needs to travel in the payload, which stays the same for the
/// bare server. The handler of one connection runs one message at a time.
/// </summary>
internal sealed class Arrivals
{
    private readonly int clients;
    private readonly int[] received;
    private readonly long[][] at;
    private readonly int[] delivered;
    private readonly TaskCompletionSource[] everyone;

    public Arrivals(int clients, int posts)
    {
        this.clients = clients;
        received = new int[clients];
        at = Enumerable.Range(0, clients).Select(_ => new long[posts]).ToArray();
        delivered = new int[posts];
        everyone = Enumerable.Range(0, posts).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
    }

    /// <summary>Bytes of the first message's payload as JSON, to show both servers send the same size.</summary>
    public int PayloadBytes { get; private set; }

    public void Arrived(int client, Func<int> payloadBytes)
    {
        var now = Stopwatch.GetTimestamp();
        var post = received[client]++;
        if (post >= delivered.Length) return;
        at[client][post] = now;
        if (client == 0 && post == 0) PayloadBytes = payloadBytes();
        if (Interlocked.Increment(ref delivered[post]) == clients) everyone[post].TrySetResult();
    }

    /// <summary>Waits until every client has the post, or the timeout has passed (what is missing then counts as lost).</summary>
    public void WaitFor(int post, TimeSpan timeout)
    {
        if (!everyone[post].Task.Wait(timeout))
            Console.WriteLine($"  post {post}: {Volatile.Read(ref delivered[post])} of {clients} deliveries within {timeout.TotalSeconds} s");
    }

    /// <summary>
    /// Milliseconds from each post's start to each delivery of it, for posts from <paramref name="first"/> on (to the
    /// clients <paramref name="of"/> picks, or all).
    /// </summary>
    public List<double> LatenciesFrom(long[] postStarts, int first, Func<int, bool>? of = null) =>
        Percentiles.Sorted(
            from client in Clients(of)
            from post in Enumerable.Range(first, postStarts.Length - first)
            where client[post] != 0
            select Stopwatch.GetElapsedTime(postStarts[post], client[post]).TotalMilliseconds);

    /// <summary>
    /// Milliseconds from each post's start to its first delivery: the writer's request up to the moment the
    /// server began to fan out, and one delivery.
    /// </summary>
    public List<double> FirstDeliveriesFrom(long[] postStarts, int first, Func<int, bool>? of = null) =>
        Percentiles.Sorted(
            from post in Enumerable.Range(first, postStarts.Length - first)
            let delivered = Clients(of).Select(client => client[post]).Where(time => time != 0).ToList()
            where delivered.Count > 0
            select Stopwatch.GetElapsedTime(postStarts[post], delivered.Min()).TotalMilliseconds);

    /// <summary>
    /// Milliseconds from each post's first delivery to each delivery of it: the fan-out alone, without the
    /// writer's request before it (Annotate validates, stores and only then publishes; the bare server does not).
    /// </summary>
    public List<double> SpreadsFrom(int first, int posts) =>
        Percentiles.Sorted(
            from post in Enumerable.Range(first, posts - first)
            let delivered = at.Select(client => client[post]).Where(time => time != 0).ToList()
            where delivered.Count > 0
            let earliest = delivered.Min()
            from time in delivered
            select Stopwatch.GetElapsedTime(earliest, time).TotalMilliseconds);

    private IEnumerable<long[]> Clients(Func<int, bool>? of) => of is null ? at : at.Where((_, client) => of(client));
}
