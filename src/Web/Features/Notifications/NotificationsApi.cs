using System.Security.Claims;
using System.Text.Json.Nodes;
using Annotate.Data.Entities;
using Annotate.Shared.Notifications;
using Annotate.Web.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Web.Features.Notifications;

internal static class NotificationsApi
{
    public sealed record MarkReadRequest(List<Guid>? Ids);
    public sealed record MailChoices(bool Mentions = true, bool Feedback = true, bool Digest = true);
    public sealed record AccountSettingsRequest(string? TimeZone, int? DigestHour, MailChoices? Mail);
    public sealed record SeminarSettingsRequest(string? InApp, string? Email);
    public sealed record AnnouncementRequest(string? Text);

    public static void MapNotificationsApi(this IEndpointRouteBuilder routes)
    {
        // Any signed-in user, about their own inbox only.
        var inbox = routes.MapGroup("/api/notifications").RequireAuthorization().WithTags("Notifications");

        inbox.MapGet("/", async Task<Results<JsonHttpResult<JsonArray>, ProblemHttpResult>> (HttpRequest request, ClaimsPrincipal user, NotificationService service,
            Guid? before, int? limit, bool? unread) =>
        {
            if (limit is < 1 or > NotificationService.MaxPage)
                return Problems.BadRequest($"limit is how many to answer, from 1 to {NotificationService.MaxPage}.");
            var origin = request.Origin();
            var items = await service.ListAsync(user.UserId(), before, limit ?? NotificationService.DefaultPage, unread ?? false, request.HttpContext.RequestAborted);
            return TypedResults.Json(new JsonArray([.. items.Select(i => (JsonNode)NotificationJson.Write(i, origin))]));
        }).WithName("ListNotifications").WithSummary("The caller's notifications, newest first; ?before={id} for the next page, ?limit (1-100, 30), ?unread=true.");

        inbox.MapGet("/unread-count", async (ClaimsPrincipal user, NotificationService service, HttpRequest request) =>
            TypedResults.Ok(new { count = await service.CountUnreadAsync(user.UserId(), request.HttpContext.RequestAborted) }))
            .WithName("CountUnreadNotifications").WithSummary("How many unread notifications the caller may still see (counted up to 100).");

        inbox.MapPost("/read", async Task<Results<NoContent, ProblemHttpResult>> (MarkReadRequest? body, ClaimsPrincipal user, NotificationService service) =>
        {
            if (body?.Ids is not { Count: > 0 } ids) return Problems.BadRequest("Send {\"ids\": [the ids of the notifications you have read]}.");
            await service.MarkReadAsync(user.UserId(), ids);
            return TypedResults.NoContent();
        }).WithName("MarkNotificationsRead").WithSummary("Marks the caller's notifications read; ids that are not the caller's are ignored (204 all the same).");

        inbox.MapPost("/read-all", async (ClaimsPrincipal user, NotificationService service) =>
        {
            await service.MarkAllReadAsync(user.UserId());
            return TypedResults.NoContent();
        }).WithName("MarkAllNotificationsRead").WithSummary("Marks every notification of the caller read.");

        inbox.MapGet("/settings", async Task<Results<Ok<JsonObject>, NotFound>> (ClaimsPrincipal user, NotificationPreferences preferences) =>
            await preferences.GetAsync(user.UserId()) is { } settings ? TypedResults.Ok(SettingsJson(settings)) : TypedResults.NotFound())
            .WithName("GetNotificationSettings").WithSummary("The caller's notification settings: per seminar, mail, digest hour and time zone.");

        inbox.MapPut("/settings", async Task<Results<NoContent, ProblemHttpResult>> (AccountSettingsRequest? body, ClaimsPrincipal user, NotificationPreferences preferences) =>
        {
            if (body is null) return Problems.BadRequest("Send {\"timeZone\", \"digestHour\", \"mail\": {\"mentions\", \"feedback\", \"digest\"}}.");
            var current = await preferences.GetAsync(user.UserId());
            var mail = body.Mail ?? new MailChoices(!current!.OptOuts.HasFlag(MailOptOut.Mentions), !current.OptOuts.HasFlag(MailOptOut.Feedback), !current.OptOuts.HasFlag(MailOptOut.Digest));
            var optOuts = (mail.Mentions ? 0 : MailOptOut.Mentions) | (mail.Feedback ? 0 : MailOptOut.Feedback) | (mail.Digest ? 0 : MailOptOut.Digest);
            return Problems.NoContentOr(await preferences.SetAccountAsync(user.UserId(), body.TimeZone ?? current!.TimeZone, body.DigestHour ?? current!.DigestHour, optOuts));
        }).WithName("SetNotificationSettings").WithSummary("Sets the caller's time zone, digest hour and which mails they get.");

        inbox.MapPut("/settings/seminars/{seminarId:int}", async Task<Results<NoContent, ProblemHttpResult>> (int seminarId, SeminarSettingsRequest? body, ClaimsPrincipal user, NotificationPreferences preferences) =>
        {
            if (NotificationLevels.LevelNamed(body?.InApp) is not { } inApp || NotificationLevels.LevelNamed(body?.Email) is not { } email)
                return Problems.BadRequest("Send {\"inApp\", \"email\"}, each \"everything\", \"replies-and-mentions\" or \"nothing\".");
            return Problems.NoContentOr(await preferences.SetSeminarAsync(user.UserId(), seminarId, inApp, email));
        }).WithName("SetSeminarNotificationSettings").WithSummary("How much of one seminar the caller hears about, in the app and by mail.");

        // Teachers of the seminar; members get it in their inbox.
        routes.MapGroup("/api/seminars").RequireAuthorization().WithTags("Notifications")
            .MapPost("/{seminarId:int}/announcements", async Task<Results<Accepted, ProblemHttpResult>> (int seminarId, AnnouncementRequest? body, ClaimsPrincipal user, AnnouncementService announcements) =>
            {
                var result = await announcements.AnnounceAsync(user.UserId(), seminarId, body?.Text);
                return result.Problem is { } problem ? Problems.For(problem) : TypedResults.Accepted((string?)null);
            }).WithName("Announce").WithSummary("A teacher's announcement to every other member of the seminar (202: delivered in the background).")
            // Each one reaches every member: counted as a write, like an annotation.
            .WithRateLimit(RateLimitPolicy.AnnotationWrites);
    }

    private static JsonObject SettingsJson(NotificationPreferences.Settings settings) => new()
    {
        ["timeZone"] = settings.TimeZone,
        ["digestHour"] = settings.DigestHour,
        ["mail"] = new JsonObject
        {
            ["configured"] = settings.MailOn,
            ["address"] = settings.Address,
            ["addressConfirmed"] = settings.AddressConfirmed,
            ["mentions"] = !settings.OptOuts.HasFlag(MailOptOut.Mentions),
            ["feedback"] = !settings.OptOuts.HasFlag(MailOptOut.Feedback),
            ["digest"] = !settings.OptOuts.HasFlag(MailOptOut.Digest),
        },
        ["seminars"] = new JsonArray([.. settings.Seminars.Select(s => (JsonNode)new JsonObject
        {
            ["seminarId"] = s.SeminarId,
            ["name"] = s.SeminarName,
            ["inApp"] = s.InApp.Name(),
            ["email"] = s.Email.Name(),
        })]),
    };
}
