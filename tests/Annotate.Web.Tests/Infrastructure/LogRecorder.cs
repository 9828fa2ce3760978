using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// What the app's own code (categories under <c>Annotate.</c>) logged, for tests of what is only told in the
/// log: a mail given up, a queue full. Framework and database logs are not kept.
/// </summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    /// <summary>The first entry that matches, waiting for it up to <paramref name="timeout"/> (10 s unless given).</summary>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = entries.FirstOrDefault(match);
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"No such log entry; the app logged: {string.Join(" | ", entries.Select(e => $"{e.Level} {e.Category}: {e.Message}"))}");
            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

    private sealed class Recorder(LogRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => category.StartsWith("Annotate.", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner.entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
        }
    }
}
