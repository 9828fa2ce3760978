namespace Annotate.Shared;

/// <summary>The lower-case names of <see cref="Visibility"/> used in JSON and URLs.</summary>
public static class VisibilityNames
{
    public static string ToName(this Visibility visibility) => visibility.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out Visibility visibility)
    {
        visibility = Visibility.Seminar;
        if (name is null) return false;
        foreach (var value in Enum.GetValues<Visibility>())
        {
            if (value.ToName() == name)
            {
                visibility = value;
                return true;
            }
        }
        return false;
    }

    public static string AllNames => string.Join(", ", Enum.GetValues<Visibility>().Select(v => v.ToName()));
}
