using Annotate.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Annotate.Web.Features.Users;

/// <summary>
/// Identity's refusals (a password too short, an address taken) in the language of the page or API call that
/// caused them. The codes stay Identity's; the English is Identity's own words, so nothing changes in English.
/// </summary>
internal sealed class IdentityErrors(IStringLocalizer<Strings> strings) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Say(base.DefaultError(), strings["Account.IdentityDefaultError"]);
    public override IdentityError ConcurrencyFailure() => Say(base.ConcurrencyFailure(), strings["Account.IdentityConcurrencyFailure"]);
    public override IdentityError PasswordMismatch() => Say(base.PasswordMismatch(), strings["Account.IdentityPasswordMismatch"]);
    public override IdentityError InvalidToken() => Say(base.InvalidToken(), strings["Account.IdentityInvalidToken"]);
    public override IdentityError RecoveryCodeRedemptionFailed() => Say(base.RecoveryCodeRedemptionFailed(), strings["Account.IdentityRecoveryCodeFailed"]);
    public override IdentityError LoginAlreadyAssociated() => Say(base.LoginAlreadyAssociated(), strings["Account.IdentityLoginAlreadyAssociated"]);
    public override IdentityError InvalidUserName(string? userName) => Say(base.InvalidUserName(userName), strings["Account.IdentityInvalidUserName", userName ?? ""]);
    public override IdentityError InvalidEmail(string? email) => Say(base.InvalidEmail(email), strings["Account.IdentityInvalidEmail", email ?? ""]);
    public override IdentityError DuplicateUserName(string userName) => Say(base.DuplicateUserName(userName), strings["Account.IdentityDuplicateUserName", userName]);
    public override IdentityError DuplicateEmail(string email) => Say(base.DuplicateEmail(email), strings["Account.IdentityDuplicateEmail", email]);
    public override IdentityError UserAlreadyHasPassword() => Say(base.UserAlreadyHasPassword(), strings["Account.IdentityUserAlreadyHasPassword"]);
    public override IdentityError UserLockoutNotEnabled() => Say(base.UserLockoutNotEnabled(), strings["Account.IdentityLockoutNotEnabled"]);
    public override IdentityError PasswordTooShort(int length) => Say(base.PasswordTooShort(length), strings["Account.IdentityPasswordTooShort", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Say(base.PasswordRequiresUniqueChars(uniqueChars), strings["Account.IdentityPasswordUniqueChars", uniqueChars]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Say(base.PasswordRequiresNonAlphanumeric(), strings["Account.IdentityPasswordNonAlphanumeric"]);
    public override IdentityError PasswordRequiresDigit() => Say(base.PasswordRequiresDigit(), strings["Account.IdentityPasswordDigit"]);
    public override IdentityError PasswordRequiresLower() => Say(base.PasswordRequiresLower(), strings["Account.IdentityPasswordLower"]);
    public override IdentityError PasswordRequiresUpper() => Say(base.PasswordRequiresUpper(), strings["Account.IdentityPasswordUpper"]);

    private static IdentityError Say(IdentityError error, string description) => new() { Code = error.Code, Description = description };
}
