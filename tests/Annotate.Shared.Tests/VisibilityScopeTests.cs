namespace Annotate.Shared.Tests;

/// <summary>
/// "The narrower of two visibilities" is only sound when visibilities nest for every viewer. These tests
/// check that against the visibility rule itself, over every kind of viewer and annotation it knows.
/// </summary>
public class VisibilityScopeTests
{
    private static readonly Visibility[] All = Enum.GetValues<Visibility>();

    [Theory]
    [InlineData(Visibility.Private, Visibility.Seminar, Visibility.Private)]
    [InlineData(Visibility.Seminar, Visibility.Teachers, Visibility.Teachers)]
    [InlineData(Visibility.Group, Visibility.Teachers, Visibility.Teachers)]
    [InlineData(Visibility.Group, Visibility.Seminar, Visibility.Group)]
    [InlineData(Visibility.Group, Visibility.Group, Visibility.Group)]
    public void The_narrower_of_two_is_the_smaller_audience(Visibility one, Visibility other, Visibility narrower)
    {
        Assert.Equal(narrower, VisibilityScope.Narrower(one, other));
        Assert.Equal(narrower, VisibilityScope.Narrower(other, one));
    }

    /// <summary>
    /// For every viewer (author, groupmate, other group, no group, teacher, non-member, nobody; each also
    /// waiting behind "post first") and every annotation (with and without a group, feedback or not, by a
    /// deleted account): a viewer allowed by the narrower visibility is allowed by the wider one, and the
    /// narrower of two allows exactly those both allow.
    /// </summary>
    [Fact]
    public void Visibilities_nest_for_every_viewer_and_annotation()
    {
        var viewers = new List<Viewer>();
        foreach (var awaiting in new[] { false, true })
        {
            viewers.Add(new Viewer("author", SeminarRole.Student, 1, awaiting));
            viewers.Add(new Viewer("peer", SeminarRole.Student, 1, awaiting));
            viewers.Add(new Viewer("other", SeminarRole.Student, 2, awaiting));
            viewers.Add(new Viewer("loner", SeminarRole.Student, null, awaiting));
            viewers.Add(new Viewer("teacher", SeminarRole.Teacher, null, awaiting));
            viewers.Add(new Viewer("stranger", null, null, awaiting));
        }
        viewers.Add(Viewer.Anonymous);

        var checkedPairs = 0;
        foreach (var author in new[] { "author", "teacher", null })
        foreach (var group in new int?[] { 1, 2, null })
        foreach (var addressee in new[] { null, "peer", "author" })
        foreach (var viewer in viewers)
        foreach (var one in All)
        foreach (var other in All)
        {
            bool Sees(Visibility visibility) => VisibilityRule.CanSee(viewer, new VisibilityFacts(author, visibility, group, addressee));
            var narrower = VisibilityScope.Narrower(one, other);
            Assert.Equal(Sees(one) && Sees(other), Sees(narrower));
            checkedPairs++;
        }
        Assert.True(checkedPairs > 1000);
    }

    [Fact]
    public void Every_visibility_has_a_place_in_the_order()
    {
        foreach (var visibility in All) Assert.Equal(visibility, VisibilityScope.Narrower(visibility, Visibility.Seminar));
    }
}
