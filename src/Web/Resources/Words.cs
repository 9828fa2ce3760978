using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Annotate.Shared;

namespace Annotate.Web.Resources;

/// <summary>
/// The app's words in the current UI culture, for code that has no localizer to inject: data annotations' messages
/// (<c>AccountText</c>), services' problem sentences, the export writers and the document importer, the static
/// render fragments that draw a time or a visibility's name, and what is written for a person who is not the one
/// asking (a mail is built in its recipient's language inside <see cref="InCulture"/>). The culture is the request's
/// or the circuit's (the request localisation middleware sets it and it flows through every await). Components
/// inject <c>IStringLocalizer&lt;Strings&gt;</c>.
/// </summary>
internal static class Words
{
    /// <summary>The same words as a localizer, for code written against one.</summary>
    public static IStringLocalizer<Strings> L { get; } = new StringLocalizer<Strings>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static readonly ResourceManager Resources = new(typeof(Strings).FullName!, typeof(Strings).Assembly);

    public static string Text(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Text(string key, params object?[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, Text(key), arguments);

    /// <summary>A complaint of src/Shared's (which has no words of its own) in the current language: the one place its key becomes words.</summary>
    public static string For(Complaint complaint) => Text(complaint.Key, [.. complaint.Arguments]);
}
