namespace Annotate.Shared.Tests;

/// <summary>The one visibility rule, viewer by viewer, for each visibility.</summary>
public class VisibilityRuleTests
{
    private const string Author = "author";
    private static readonly Viewer AuthorViewer = new(Author, SeminarRole.Student, 1);
    private static readonly Viewer SameGroup = new("peer", SeminarRole.Student, 1);
    private static readonly Viewer OtherGroup = new("other", SeminarRole.Student, 2);
    private static readonly Viewer NoGroup = new("loner", SeminarRole.Student, null);
    private static readonly Viewer Teacher = new("teacher", SeminarRole.Teacher, null);
    private static readonly Viewer NonMember = new("stranger", null, null);

    public static TheoryData<string, Visibility, bool> Matrix => new()
    {
        { "author", Visibility.Private, true },
        { "same-group", Visibility.Private, false },
        { "other-group", Visibility.Private, false },
        { "no-group", Visibility.Private, false },
        { "teacher", Visibility.Private, false },
        { "non-member", Visibility.Private, false },
        { "anonymous", Visibility.Private, false },

        { "author", Visibility.Teachers, true },
        { "same-group", Visibility.Teachers, false },
        { "other-group", Visibility.Teachers, false },
        { "no-group", Visibility.Teachers, false },
        { "teacher", Visibility.Teachers, true },
        { "non-member", Visibility.Teachers, false },
        { "anonymous", Visibility.Teachers, false },

        { "author", Visibility.Group, true },
        { "same-group", Visibility.Group, true },
        { "other-group", Visibility.Group, false },
        { "no-group", Visibility.Group, false },
        { "teacher", Visibility.Group, true },
        { "non-member", Visibility.Group, false },
        { "anonymous", Visibility.Group, false },

        { "author", Visibility.Seminar, true },
        { "same-group", Visibility.Seminar, true },
        { "other-group", Visibility.Seminar, true },
        { "no-group", Visibility.Seminar, true },
        { "teacher", Visibility.Seminar, true },
        { "non-member", Visibility.Seminar, false },
        { "anonymous", Visibility.Seminar, false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_viewer_sees_exactly_what_the_visibility_allows(string viewer, Visibility visibility, bool expected)
    {
        var facts = new VisibilityFacts(Author, visibility, AuthorGroupId: 1);

        Assert.Equal(expected, VisibilityRule.CanSee(ViewerNamed(viewer), facts));
    }

    [Fact]
    public void Group_visibility_of_an_author_without_a_group_reaches_only_author_and_teachers()
    {
        var facts = new VisibilityFacts("loner", Visibility.Group, AuthorGroupId: null);

        Assert.True(VisibilityRule.CanSee(NoGroup, facts));
        Assert.True(VisibilityRule.CanSee(Teacher, facts));
        Assert.False(VisibilityRule.CanSee(new Viewer("another-loner", SeminarRole.Student, null), facts));
    }

    [Fact]
    public void Feedback_addressed_to_a_student_reaches_that_student_and_the_teachers_only()
    {
        var feedback = new VisibilityFacts("teacher", Visibility.Seminar, null, AddresseeId: "peer");

        Assert.True(VisibilityRule.CanSee(SameGroup, feedback));
        Assert.True(VisibilityRule.CanSee(Teacher, feedback));
        Assert.True(VisibilityRule.CanSee(new Viewer("co-teacher", SeminarRole.Teacher, null), feedback));
        Assert.False(VisibilityRule.CanSee(AuthorViewer, feedback));
        Assert.False(VisibilityRule.CanSee(OtherGroup, feedback));
    }

    private static Viewer ViewerNamed(string name) => name switch
    {
        "author" => AuthorViewer,
        "same-group" => SameGroup,
        "other-group" => OtherGroup,
        "no-group" => NoGroup,
        "teacher" => Teacher,
        "non-member" => NonMember,
        _ => Viewer.Anonymous,
    };
}
