using System.Globalization;
using System.Resources;

namespace Annotate.Web.Resources;

/// <summary>
/// The app's words in the current UI culture, for code that has no localizer to inject: data annotations' messages
/// (<c>AccountText</c>), and what is written for a person who is not the one asking (a mail is built in its
/// recipient's language inside <see cref="InCulture"/>). Components and services use <c>IStringLocalizer&lt;Strings&gt;</c>.
/// </summary>
internal static class Words
{
    private static readonly ResourceManager Resources = new(typeof(Strings).FullName!, typeof(Strings).Assembly);

    public static string Text(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Text(string key, params object?[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, Text(key), arguments);
}
