namespace Annotate.Web.Tests.Infrastructure;

/// <summary>An app that must refuse to start: what it said, every message of the failure and its causes together.</summary>
public static class StartUpFailure
{
    /// <summary>Starts <paramref name="app"/>, expects it not to start, disposes it, and answers the messages joined by " | ".</summary>
    public static async Task<string> MessagesAsync(AnnotateApp app)
    {
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => app.Server);
            return string.Join(" | ", Chain(error).Select(e => e.Message));
        }
        finally
        {
            try { await app.DisposeAsync(); } catch (InvalidOperationException) { /* the host never started */ }
        }
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain)) yield return inner;
        }
    }
}
