using System.Globalization;

namespace Annotate.Shared;

/// <summary>
/// A sentence for a person from code that has no words of its own. src/Shared carries no resources, so it names the
/// sentence (<see cref="Key"/>, a key of the app's resources) with its values, and the app says it in the reader's
/// language where the complaint becomes a problem answer or UI text. <see cref="English"/> is the same sentence for
/// tests and programs that run without the app's resources.
/// </summary>
public sealed record Complaint(string Key, string English, IReadOnlyList<object> Arguments)
{
    /// <summary>A complaint whose English is <paramref name="format"/> filled in with <paramref name="arguments"/>, as the app's English resource reads.</summary>
    public static Complaint Of(string key, string format, params object[] arguments) =>
        new(key, string.Format(CultureInfo.InvariantCulture, format, arguments), arguments);
}
