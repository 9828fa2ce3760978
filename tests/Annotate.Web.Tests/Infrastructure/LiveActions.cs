using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// Acting on a page that draws by itself (live events arrive, a load finishes): the element is found and acted on
/// in one turn of the renderer. Found first and acted on after, a render in between can leave the event on a handler
/// the page has replaced, or on an element it has just removed — a test that passes on a quiet machine and fails
/// under load. The returned task completes when the handler does (a handler awaiting a dialog's answer stays
/// pending meanwhile, without holding up the renderer).
/// </summary>
public static class LiveActions
{
    public static Task ClickAsync<T>(this IRenderedComponent<T> page, Func<IElement> find) where T : IComponent =>
        page.InvokeAsync(() => find().ClickAsync(new MouseEventArgs()));

    public static Task ChangeAsync<T>(this IRenderedComponent<T> page, Func<IElement> find, object? value) where T : IComponent =>
        page.InvokeAsync(() => find().ChangeAsync(new ChangeEventArgs { Value = value }));

    public static Task InputAsync<T>(this IRenderedComponent<T> page, Func<IElement> find, object? value) where T : IComponent =>
        page.InvokeAsync(() => find().InputAsync(new ChangeEventArgs { Value = value }));

    public static Task SubmitAsync<T>(this IRenderedComponent<T> page, Func<IElement> find) where T : IComponent =>
        page.InvokeAsync(() => find().SubmitAsync());
}
