using Annotate.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Annotate.Web.Features.Notifications;

/// <summary>
/// The unsubscribe link of a notification mail, <c>/unsubscribe?token=…</c>: opening it shows the app's page
/// (<c>Components/Pages/UnsubscribePage.razor</c>), which only asks; this POST stops the mails. A mail client's own
/// one-click unsubscribe (RFC 8058) posts here as well and gets a short answer; the page's button says it comes from
/// the page and is sent back to it, which then shows what was stopped. The token is all the authority there is,
/// sealed by <see cref="UnsubscribeTokens"/>: a forged or altered one changes nothing and says so (400).
/// </summary>
internal static class UnsubscribeEndpoints
{
    public const string Path = "/unsubscribe";

    /// <summary>The form field the page's button sends, so that a person is shown the page again rather than a bare answer.</summary>
    public const string FromPage = "from";

    public static void MapUnsubscribe(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Path, async (HttpRequest request, string? token, UnsubscribeTokens tokens, NotificationPreferences preferences, IStringLocalizer<Strings> localizer) =>
        {
            var fromPage = request.HasFormContentType && (await request.ReadFormAsync()).ContainsKey(FromPage);
            var found = tokens.Read(token);
            var done = found is { } valid && await preferences.UnsubscribeAsync(valid.UserId, valid.Kind);
            if (fromPage) return Results.Redirect($"{Path}?token={Uri.EscapeDataString(token ?? "")}&done={done.ToString().ToLowerInvariant()}", preserveMethod: false);
            return done
                ? Results.Text(localizer["Notify.UnsubscribeDoneText", UnsubscribeTokens.Describe(found!.Value.Kind, localizer)], statusCode: StatusCodes.Status200OK)
                : Results.Text(localizer["Notify.UnsubscribeInvalidText"], statusCode: StatusCodes.Status400BadRequest);
        }).ExcludeFromDescription().DisableAntiforgery()
        // Before the page's own endpoint at the same address, which would take a POST for a form of its own.
        .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = -1);
    }
}
