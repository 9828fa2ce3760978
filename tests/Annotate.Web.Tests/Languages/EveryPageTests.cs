using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Annotate.Web.Resources;
using Microsoft.AspNetCore.Components;
using static Annotate.Web.Tests.Languages.EveryPageVisitor;

namespace Annotate.Web.Tests.Languages;

/// <summary>
/// Every page of the app, found by its <c>[Route]</c> (a new page without a visit here fails), drawn on the server
/// in English and in Vietnamese as its visitor sees it. No page shows a resource key as text ("Account.LogIn", a
/// key the resources lack); in Vietnamese, no page's own words are English: a resource file's English value, or
/// English words a translation never has. People's words and the article are marked (<see cref="PageWords"/>).
/// </summary>
public sealed partial class EveryPageTests(EveryPageScene scene) : IClassFixture<EveryPageScene>
{
    /// <summary>Who visits each page, and the address (with the scene's ids) they open.</summary>
    private Dictionary<string, (EveryPageVisitor Visitor, string Path)> Visits() => new()
    {
        ["/"] = (Teacher, "/"),
        ["/not-found"] = (SignedOut, "/not-found"),
        ["/Error"] = (SignedOut, "/Error"),
        ["/join/{Code}"] = (Outsider, $"/join/{scene.JoinCode}"),
        ["/seminars/{Id:int}"] = (Teacher, $"/seminars/{scene.Room.SeminarId}"),
        ["/seminars/{Id:int}/dashboard"] = (Teacher, $"/seminars/{scene.Room.SeminarId}/dashboard"),
        ["/seminars/{Id:int}/search"] = (Student, $"/seminars/{scene.Room.SeminarId}/search?q=Europe"),
        ["/documents/{Id:int}"] = (Student, $"/documents/{scene.Room.DocumentId}"),
        ["/documents/{Id:int}/overview"] = (Teacher, $"/documents/{scene.Room.DocumentId}/overview"),
        ["/documents/{Id:int}/confusion"] = (Teacher, $"/documents/{scene.Room.DocumentId}/confusion"),
        ["/documents/{Id:int}/edit"] = (Teacher, $"/documents/{scene.Room.DocumentId}/edit"),
        ["/documents/{Id:int}/revisions/{Number:int}"] = (Teacher, $"/documents/{scene.Room.DocumentId}/revisions/1"),
        ["/settings/notifications"] = (Student, "/settings/notifications"),
        ["/feedback"] = (Student, "/feedback"),
        ["/unsubscribe"] = (SignedOut, "/unsubscribe?token=not-a-token"),
        ["/Account/Login"] = (SignedOut, "/Account/Login"),
        ["/Account/Register"] = (SignedOut, "/Account/Register"),
        ["/Account/ForgotPassword"] = (SignedOut, "/Account/ForgotPassword"),
        ["/Account/ForgotPasswordConfirmation"] = (SignedOut, "/Account/ForgotPasswordConfirmation"),
        ["/Account/ResetPassword"] = (SignedOut, "/Account/ResetPassword?code=YWJj"),
        ["/Account/ResetPasswordConfirmation"] = (SignedOut, "/Account/ResetPasswordConfirmation"),
        ["/Account/InvalidPasswordReset"] = (SignedOut, "/Account/InvalidPasswordReset"),
        ["/Account/InvalidUser"] = (SignedOut, "/Account/InvalidUser"),
        ["/Account/AccessDenied"] = (SignedOut, "/Account/AccessDenied"),
        ["/Account/Lockout"] = (SignedOut, "/Account/Lockout"),
        ["/Account/RegisterConfirmation"] = (SignedOut, "/Account/RegisterConfirmation?email=someone%40example.org"),
        ["/Account/ResendEmailConfirmation"] = (SignedOut, "/Account/ResendEmailConfirmation"),
        ["/Account/ConfirmEmail"] = (SignedOut, "/Account/ConfirmEmail?userId=nobody&code=YWJj"),
        ["/Account/ConfirmEmailChange"] = (SignedOut, "/Account/ConfirmEmailChange?userId=nobody&email=someone%40example.org&code=YWJj"),
        ["/Account/ExternalLogin"] = (SignedOut, "/Account/ExternalLogin"),
        ["/Account/LoginWith2fa"] = (HalfSignedIn, "/Account/LoginWith2fa"),
        ["/Account/LoginWithRecoveryCode"] = (HalfSignedIn, "/Account/LoginWithRecoveryCode"),
        ["/Account/Manage"] = (Manager, "/Account/Manage"),
        ["/Account/Manage/Email"] = (Manager, "/Account/Manage/Email"),
        ["/Account/Manage/ChangePassword"] = (Manager, "/Account/Manage/ChangePassword"),
        ["/Account/Manage/SetPassword"] = (Manager, "/Account/Manage/SetPassword"),
        ["/Account/Manage/ExternalLogins"] = (Manager, "/Account/Manage/ExternalLogins"),
        ["/Account/Manage/TwoFactorAuthentication"] = (Manager, "/Account/Manage/TwoFactorAuthentication"),
        ["/Account/Manage/EnableAuthenticator"] = (Manager, "/Account/Manage/EnableAuthenticator"),
        ["/Account/Manage/ResetAuthenticator"] = (Manager, "/Account/Manage/ResetAuthenticator"),
        ["/Account/Manage/Disable2fa"] = (Manager, "/Account/Manage/Disable2fa"),
        ["/Account/Manage/GenerateRecoveryCodes"] = (Manager, "/Account/Manage/GenerateRecoveryCodes"),
        ["/Account/Manage/Passkeys"] = (Manager, "/Account/Manage/Passkeys"),
        ["/Account/Manage/RenamePasskey/{Id}"] = (Manager, "/Account/Manage/RenamePasskey/bm9uZQ"),
        ["/Account/Manage/PersonalData"] = (Manager, "/Account/Manage/PersonalData"),
        ["/Account/Manage/DeletePersonalData"] = (Manager, "/Account/Manage/DeletePersonalData"),
    };

    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in Routes())
        {
            data.Add(route, "en");
            data.Add(route, "vi");
        }
        return data;
    }

    [Fact]
    public void Every_routable_page_has_a_visit_and_every_visit_a_page()
    {
        var visits = Visits().Keys.ToHashSet();
        Assert.Empty(Routes().Except(visits));
        Assert.Empty(visits.Except(Routes()));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_shows_no_resource_key_and_in_vietnamese_no_english(string route, string language)
    {
        Assert.True(Visits().TryGetValue(route, out var visit), $"No visit for {route}: add who opens it, and where, to Visits().");
        var (status, landed, html) = await scene.VisitAsync(visit.Visitor, visit.Path, language);
        Assert.True(status != HttpStatusCode.InternalServerError, $"{visit.Path} failed ({status}).");
        Assert.Equal(language, HtmlLang().Match(html).Groups[1].Value);

        var words = PageWords.Of(html, language);
        Assert.True(words.Count > 0, $"{landed} shows no words at all.");
        var keys = words.Where(w => KeyShown().Matches(w).Any(m => Areas.Contains(m.Value.TrimStart('[').Split('.')[0]))).ToList();
        Assert.True(keys.Count == 0, $"{landed} shows resource keys as text:\n{string.Join('\n', keys)}");
        if (language != "vi") return;
        var english = words.Where(IsEnglish).Distinct().ToList();
        Assert.True(english.Count == 0, $"{landed} in Vietnamese still speaks English:\n{string.Join('\n', english)}");
    }

    /// <summary>The areas keys are named in ("Account", "Manage", ...): a key the resources lack is shown as its name.</summary>
    private static readonly HashSet<string> Areas = [.. ResourceFiles.English.Keys.Where(k => k.Contains('.')).Select(k => k.Split('.')[0])];

    /// <summary>English values that a Vietnamese page must not show (those that read the same in both are names).</summary>
    private static readonly HashSet<string> EnglishValues =
        [.. ResourceFiles.English.Where(e => ResourceFiles.Vietnamese.GetValueOrDefault(e.Key) != e.Value).Select(e => e.Value.Trim())];

    private static bool IsEnglish(string words) =>
        EnglishValues.Contains(words) || EnglishWords().IsMatch(words) || InterfaceWords().IsMatch(words);

    private static IReadOnlyList<string> Routes() =>
    [
        .. typeof(Strings).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>(inherit: false))
            .Select(r => r.Template)
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    [GeneratedRegex("<html lang=\"([^\"]*)\"")]
    private static partial Regex HtmlLang();

    /// <summary>A key as text, "Account.LogIn", or in brackets as a missing MudBlazor or framework key shows.</summary>
    [GeneratedRegex(@"\[?\b[A-Z][A-Za-z]*\.[A-Z][A-Za-z]+\b\]?")]
    private static partial Regex KeyShown();

    /// <summary>English function words: no Vietnamese sentence has them.</summary>
    [GeneratedRegex(@"\b(the|your|you|and|with|this|that|is|are|was|of|for|has|have|not|there|here|please|click|from|will|must|should)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWords();

    /// <summary>English words of an interface, as buttons and headings have them.</summary>
    [GeneratedRegex(@"\b(Save|Cancel|Delete|Edit|Close|Reply|Search|Settings|Submit|Loading|Password|Sign in|Sign out|Log in|Register|Back|Next|Previous|Error|Remove|Add|Create|Update|Confirm|Continue|Download|Upload|Export|Import|Notifications|Profile|Account|Comment|Highlight|Thread|Feedback|Dashboard|Overview|Members?|Teachers?|Students?|Groups?|Tags?|Document|Not found|Retry|Resume|Rejoin\w*)\b")]
    private static partial Regex InterfaceWords();
}
