using System.Globalization;
using System.Net;
using Annotate.Web.Resources;
using Microsoft.AspNetCore.Components;

namespace Annotate.Web.Components.Account;

/// <summary>
/// The Identity pages' validation messages and field names, in the page's language. Data annotations look these up
/// themselves through <c>ErrorMessageResourceType</c> and <c>Display(ResourceType = …)</c>, which ask for a public
/// static property (hence a public class): each reads <c>Strings</c> in the current UI culture, as the pages' localizer does.
/// </summary>
public static class AccountText
{
    public static string Required => Text("Account.ValidationRequired");
    public static string EmailAddress => Text("Account.ValidationEmailAddress");
    public static string Phone => Text("Account.ValidationPhone");
    public static string Length => Text("Account.ValidationLength");
    public static string NameLength => Text("Account.ValidationNameLength");
    public static string PasswordsDiffer => Text("Account.ValidationPasswordsDiffer");
    public static string NewPasswordsDiffer => Text("Account.ValidationNewPasswordsDiffer");
    public static string PasskeyNameLength => Text("Manage.PasskeyNameLength");

    public static string Email => Text("Account.FieldEmail");
    public static string Password => Text("Account.FieldPassword");
    public static string YourName => Text("Account.FieldYourName");
    public static string ConfirmPassword => Text("Account.FieldConfirmPassword");
    public static string CurrentPassword => Text("Account.FieldCurrentPassword");
    public static string NewPassword => Text("Account.FieldNewPassword");
    public static string ConfirmNewPassword => Text("Account.FieldConfirmNewPassword");
    public static string NewEmail => Text("Account.FieldNewEmail");
    public static string PhoneNumber => Text("Account.FieldPhoneNumber");
    public static string AuthenticatorCode => Text("Account.FieldAuthenticatorCode");
    public static string RecoveryCode => Text("Account.FieldRecoveryCode");
    public static string VerificationCode => Text("Account.FieldVerificationCode");
    public static string Code => Text("Account.FieldCode");
    public static string PasskeyName => Text("Account.FieldPasskeyName");

    /// <summary>
    /// A sentence with a link inside it (<c>{0}</c> is where the link goes, so each language places it where its
    /// word order wants it); every part is HTML-encoded.
    /// </summary>
    public static MarkupString WithLink(string sentence, string href, string linkText) =>
        new(string.Format(CultureInfo.InvariantCulture, WebUtility.HtmlEncode(sentence),
            $"<a href=\"{WebUtility.HtmlEncode(href)}\">{WebUtility.HtmlEncode(linkText)}</a>"));

    private static string Text(string key) => Words.Text(key);
}
