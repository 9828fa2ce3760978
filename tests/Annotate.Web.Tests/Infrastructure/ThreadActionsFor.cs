using Annotate.Web.Components.Threads;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>Thread card actions for tests of what a card shows: each does nothing and succeeds.</summary>
internal static class ThreadActionsFor
{
    /// <summary>Replying, editing and deleting: what every list of cards offers.</summary>
    public static ThreadActions Tests { get; } = new((_, _) => Task.FromResult<string?>(null), (_, _) => Task.FromResult<string?>(null), _ => Task.CompletedTask);

    /// <summary>Every action there is, so that only the reader's permissions decide what a card shows.</summary>
    public static ThreadActions Everything { get; } = Tests with
    {
        Attach = _ => Task.CompletedTask,
        Feedback = (_, _) => Task.FromResult<string?>(null),
        Resolve = (_, _) => Task.CompletedTask,
        Exemplary = (_, _) => Task.CompletedTask,
    };
}
