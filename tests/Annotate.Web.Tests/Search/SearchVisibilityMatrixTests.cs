using System.Net;
using System.Text.Json;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Search;

/// <summary>
/// Search is a read path like the others: the same cells as <see cref="VisibilityMatrixTests"/> (a thread of each
/// visibility, feedback for one student, a reply under each × every viewer). An annotation's own words find it
/// for exactly those who may see it, and the total never counts one the caller may not see.
/// </summary>
[EngineSpecific]
[Collection(VisibilityMatrixScene.Collection)]
public sealed class SearchVisibilityMatrixTests(VisibilityMatrixScene scene)
{
    [Theory]
    [MemberData(nameof(VisibilityMatrixTests.Cells), MemberType = typeof(VisibilityMatrixTests))]
    public async Task Its_words_find_it_only_for_those_who_may_see_it(MatrixItem item, MatrixViewer viewer, bool seen)
    {
        var response = await scene.ApiClient(viewer).GetAsync($"/api/search?q={scene.MarkerOf(item)}&seminar={scene.SeminarId}");
        var text = await VisibilityMatrixTests.ExpectAccessAsync(response, viewer);

        if (seen)
        {
            using var answer = JsonDocument.Parse(text);
            Assert.Equal(1, answer.RootElement.GetProperty("total").GetInt32());
            var found = Assert.Single(answer.RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal(scene.IriOf(item), found.GetProperty("annotation").Iri());
            return;
        }
        if (viewer is not (MatrixViewer.NonMember or MatrixViewer.SignedOut))
        {
            using var answer = JsonDocument.Parse(text);
            Assert.Equal(0, answer.RootElement.GetProperty("total").GetInt32());
            Assert.Empty(answer.RootElement.GetProperty("items").EnumerateArray());
        }
        Assert.DoesNotContain(scene.IdOf(item).ToString(), text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A search that excludes nothing there is (only a word nobody wrote, negated) counts what the viewer may see, and the barrier.</summary>
    [Theory]
    [MemberData(nameof(VisibilityMatrixTests.MemberViewers), MemberType = typeof(VisibilityMatrixTests))]
    public async Task The_total_counts_only_what_the_viewer_may_see(MatrixViewer viewer)
    {
        var expected = VisibilityMatrixTests.Cells.Count(cell => (MatrixViewer)cell[1] == viewer && (bool)cell[2]) + 1;

        var answer = await (await scene.ApiClient(viewer).GetAsync($"/api/search?q=-nowordlikethis&seminar={scene.SeminarId}&limit=100")).JsonAsync();

        Assert.Equal(expected, answer.GetProperty("total").GetInt32());
        var found = answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("annotation").Iri()).ToHashSet();
        Assert.Equal(expected, found.Count);
        foreach (var item in Enum.GetValues<MatrixItem>())
            Assert.Equal(VisibilityMatrixTests.Cells.Any(c => (MatrixItem)c[0] == item && (MatrixViewer)c[1] == viewer && (bool)c[2]),
                found.Contains(scene.IriOf(item)));
    }

    [Fact]
    public async Task Outsiders_and_the_signed_out_are_refused_as_for_a_seminar_that_does_not_exist()
    {
        var outsider = await scene.ApiClient(MatrixViewer.NonMember).GetAsync($"/api/search?q=spectre&seminar={scene.SeminarId}");
        var signedOut = await scene.ApiClient(MatrixViewer.SignedOut).GetAsync($"/api/search?q=spectre&seminar={scene.SeminarId}");

        await outsider.ProblemDetailAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
    }
}
