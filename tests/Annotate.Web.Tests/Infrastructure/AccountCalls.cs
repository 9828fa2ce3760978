using System.Net;
using System.Net.Http.Json;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>Account calls of the API as one user makes them.</summary>
public static class AccountCalls
{
    /// <summary>DELETE /api/users/me with the password in the body.</summary>
    public static Task<HttpResponseMessage> DeleteAccountAsync(this ApiUser user, string? password = null) =>
        user.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/users/me")
        {
            Content = JsonContent.Create(new { password = password ?? user.Password }),
        });

    /// <summary>Deletes the account and asserts 204.</summary>
    public static async Task DeleteAccountOkAsync(this ApiUser user) =>
        await (await user.DeleteAccountAsync()).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

    /// <summary>The seminar's join code, as its teacher sees it in their list.</summary>
    public static async Task<string> JoinCodeAsync(this ApiUser teacher, int seminarId)
    {
        var seminars = await (await teacher.Http.GetAsync("/api/seminars")).JsonAsync();
        return seminars.EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == seminarId).GetProperty("joinCode").GetString()!;
    }
}
