namespace Annotate.Shared;

/// <summary>
/// Visibilities nest: private ⊂ teachers ⊂ group ⊂ seminar. Whoever may read an annotation at one of them
/// may read it at every wider one, for every viewer — the author, feedback's addressee and the "post first"
/// gate are decided the same way at each (see <see cref="VisibilityRule"/>). So the narrower of two
/// visibilities is exactly the audience both allow: a reply is read by those its thread is open to now AND
/// those it was written for.
/// </summary>
public static class VisibilityScope
{
    public static Visibility Narrower(Visibility one, Visibility other) => Width(one) <= Width(other) ? one : other;

    /// <summary>Wider audiences rank higher; spelled out rather than read from the enum's order.</summary>
    private static int Width(Visibility visibility) => visibility switch
    {
        Visibility.Private => 0,
        Visibility.Teachers => 1,
        Visibility.Group => 2,
        Visibility.Seminar => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(visibility), visibility, "Not a visibility."),
    };
}
