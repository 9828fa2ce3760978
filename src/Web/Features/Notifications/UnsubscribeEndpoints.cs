using System.Net;

namespace Annotate.Web.Features.Notifications;

/// <summary>
/// The unsubscribe link of a notification mail, <c>/unsubscribe?token=…</c>, for someone who may not be signed in:
/// opening it (GET) only shows what it would stop and a button; the button, or a mail client's own one-click
/// unsubscribe (RFC 8058, a POST to the same link), stops it. The token is all the authority there is, sealed
/// by <see cref="UnsubscribeTokens"/>: a forged or altered one changes nothing and says so.
/// </summary>
internal static class UnsubscribeEndpoints
{
    public const string Path = "/unsubscribe";

    public static void MapUnsubscribe(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, (string? token, UnsubscribeTokens tokens) =>
        {
            if (tokens.Read(token) is not { } found) return Invalid();
            var what = UnsubscribeTokens.Describe(found.Kind);
            return Page(StatusCodes.Status200OK, "Stop these mails?",
                $"<p>This link stops {Encode(what)} from Annotate to you. Your in-app notifications stay as they are.</p>" +
                $"<form method=\"post\" action=\"{Path}?token={Encode(Uri.EscapeDataString(token!))}\"><button type=\"submit\">Stop {Encode(what)}</button></form>");
        }).ExcludeFromDescription();

        routes.MapPost(Path, async (string? token, UnsubscribeTokens tokens, NotificationPreferences preferences) =>
        {
            if (tokens.Read(token) is not { } found || !await preferences.UnsubscribeAsync(found.UserId, found.Kind)) return Invalid();
            return Page(StatusCodes.Status200OK, "Done",
                $"<p>You will no longer get {Encode(UnsubscribeTokens.Describe(found.Kind))}. You can turn them on again in Annotate under Notification settings.</p>");
        }).ExcludeFromDescription().DisableAntiforgery();
    }

    private static IResult Invalid() => Page(StatusCodes.Status400BadRequest, "This link does not work",
        "<p>This unsubscribe link is not valid: it may have been cut short when it was copied. Open it again from the mail, " +
        "or sign in to Annotate and change your Notification settings.</p>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static IResult Page(int status, string title, string body) => Results.Content(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
        $"<title>{Encode(title)} · Annotate</title></head>\n" +
        "<body style=\"margin:0;padding:24px;background:#f5f5f5;font-family:Roboto,Helvetica,Arial,sans-serif;line-height:1.5;color:#212121\">" +
        "<main style=\"max-width:560px;margin:0 auto;padding:24px;background:#fff;border-radius:4px\">" +
        $"<p style=\"font-size:20px;font-weight:bold;color:#594ae2\">Annotate</p><h1 style=\"font-size:22px\">{Encode(title)}</h1>{body}</main></body></html>",
        "text/html; charset=utf-8", statusCode: status);
}
