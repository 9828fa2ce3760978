using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// The browser's side of a component with a script module, all in one: the module import answers at once,
/// <c>attach</c> when the test says, and what is called on the attached handle is recorded.
/// </summary>
internal sealed class SlowScript : IJSRuntime, IJSObjectReference
{
    /// <summary>A slow script as <paramref name="context"/>'s browser (before anything is rendered in it).</summary>
    public static SlowScript In(BunitContext context)
    {
        var script = new SlowScript();
        context.Services.AddSingleton<IJSRuntime>(script);
        return script;
    }

    public TaskCompletionSource<IJSObjectReference> Attached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<(string Identifier, string? Argument)> Calls { get; } = [];

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
        InvokeAsync<TValue>(identifier, CancellationToken.None, args);

    public async ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
    {
        switch (identifier)
        {
            case "import":
                return (TValue)(object)this;
            case "attach":
                return (TValue)await Attached.Task;
            default:
                Calls.Add((identifier, args is [var first, ..] ? first?.ToString() : null));
                return default!;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
