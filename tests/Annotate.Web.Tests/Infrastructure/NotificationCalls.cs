using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// The inbox through the API. Notifications are made in the background after the write that causes them, so
/// <see cref="WaitForNotificationAsync"/> polls; to show one was never made, wait for a later one that was (the
/// worker takes requests in order) and then look.
/// </summary>
public static class NotificationCalls
{
    public static async Task<List<JsonElement>> NotificationsAsync(this ApiUser user, string query = "")
    {
        var list = await (await user.Http.GetAsync($"/api/notifications{query}")).JsonAsync();
        return [.. list.EnumerateArray()];
    }

    /// <summary>The user's newest notification of <paramref name="kind"/> that <paramref name="match"/> accepts, waiting up to 10 s for it.</summary>
    public static async Task<JsonElement> WaitForNotificationAsync(this ApiUser user, string kind, Func<JsonElement, bool>? match = null)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = (await user.NotificationsAsync()).FirstOrDefault(n => n.GetProperty("kind").GetString() == kind && (match?.Invoke(n) ?? true));
            if (found.ValueKind == JsonValueKind.Object) return found;
            Assert.True(DateTime.UtcNow < until, $"No {kind} notification for {user.DisplayName} within 10 s.");
            await Task.Delay(50);
        }
    }

    /// <summary>The notifications of <paramref name="kind"/> the user has now.</summary>
    public static async Task<List<JsonElement>> NotificationsOfKindAsync(this ApiUser user, string kind) =>
        [.. (await user.NotificationsAsync()).Where(n => n.GetProperty("kind").GetString() == kind)];

    /// <summary>The IRI of the annotation a notification is about, or null.</summary>
    public static string? AnnotationIri(this JsonElement notification) =>
        notification.GetProperty("annotation").ValueKind == JsonValueKind.Object ? notification.GetProperty("annotation").GetProperty("id").GetString() : null;

    public static string NotificationId(this JsonElement notification) => notification.GetProperty("id").GetString()!;

    public static Task<HttpResponseMessage> MarkReadAsync(this ApiUser user, params string[] ids) =>
        user.Http.PostAsJsonAsync("/api/notifications/read", new { ids });

    public static async Task<int> UnreadCountAsync(this ApiUser user) =>
        (await (await user.Http.GetAsync("/api/notifications/unread-count")).JsonAsync()).GetProperty("count").GetInt32();

    /// <summary>
    /// Waits (up to 10 s) until the app has made every notification of what was done so far: for a test that compares
    /// the database before and after, so that notifications made in the background do not count as a change.
    /// </summary>
    public static async Task NotificationsSettledAsync(this AnnotateApp app)
    {
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>();
        var until = DateTime.UtcNow.AddSeconds(10);
        while (await PendingAsync(dbFactory))
        {
            Assert.True(DateTime.UtcNow < until, "Notifications were still being made after 10 s.");
            await Task.Delay(20);
        }
    }

    /// <summary>Rows of the notification outbox not done yet (a mail waiting for its server counts too).</summary>
    private static async Task<bool> PendingAsync(IDbContextFactory<AnnotateDb> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.NotificationOutbox.AnyAsync();
    }

    /// <summary>A mention as the editor writes it.</summary>
    public static string Mention(this ApiUser user) => $"@[{user.DisplayName}](user:{user.Id})";

    public static async Task SetSeminarNotificationsAsync(this ApiUser user, int seminarId, string inApp, string email = "everything") =>
        await (await user.Http.PutAsJsonAsync($"/api/notifications/settings/seminars/{seminarId}", new { inApp, email })).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
}
