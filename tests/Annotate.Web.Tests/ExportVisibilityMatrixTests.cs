using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests;

/// <summary>The export (JSON-LD) holds exactly what its caller may see: the same cells as <see cref="VisibilityMatrixTests"/>.</summary>
[EngineSpecific]
[Collection(VisibilityMatrixScene.Collection)]
public sealed class ExportVisibilityMatrixTests(VisibilityMatrixScene scene)
{
    [Theory]
    [MemberData(nameof(VisibilityMatrixTests.Cells), MemberType = typeof(VisibilityMatrixTests))]
    public async Task Export_as_jsonld(MatrixItem item, MatrixViewer viewer, bool seen)
    {
        var response = await scene.ApiClient(viewer).GetAsync($"/api/documents/{scene.DocumentId}/export?format=jsonld");
        var text = await VisibilityMatrixTests.ExpectAccessAsync(response, viewer);

        if (seen)
        {
            Assert.Contains(scene.MarkerOf(item), text);
        }
        else
        {
            Assert.DoesNotContain(scene.MarkerOf(item), text);
            Assert.DoesNotContain(scene.IdOf(item).ToString(), text, StringComparison.OrdinalIgnoreCase);
        }
        if (viewer is not (MatrixViewer.NonMember or MatrixViewer.SignedOut))
            Assert.Contains(scene.BarrierMarker, text);
    }
}
