using System.Globalization;
using System.Reflection;
using Annotate.Web.Features.Users;
using Annotate.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Tests.Languages;

/// <summary>
/// Identity's refusals (password rules, an address taken) in the page's language: in English exactly Identity's own
/// words, in Vietnamese every one the app replaces translated, with the same codes.
/// </summary>
public sealed class IdentityErrorsTests
{
    private static readonly IdentityErrors Errors = new(new StringLocalizer<Strings>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    private static readonly IdentityErrorDescriber Identity = new();

    public static TheoryData<string> Replaced() =>
        [.. typeof(IdentityErrors).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Replaced))]
    public void Each_reads_as_identity_in_english_and_is_translated_in_vietnamese(string name)
    {
        var method = typeof(IdentityErrorDescriber).GetMethod(name)!;
        object?[] arguments = [.. method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)8 : "ana@example.org")];
        var original = (IdentityError)method.Invoke(Identity, arguments)!;

        var english = In("en", () => (IdentityError)method.Invoke(Errors, arguments)!);
        var vietnamese = In("vi", () => (IdentityError)method.Invoke(Errors, arguments)!);

        Assert.Equal(original.Code, english.Code);
        Assert.Equal(original.Description, english.Description);
        Assert.Equal(original.Code, vietnamese.Code);
        Assert.NotEqual(original.Description, vietnamese.Description);
    }

    private static T In<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { return read(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }
}
