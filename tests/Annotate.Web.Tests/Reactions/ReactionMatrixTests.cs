using System.Net;
using System.Text.Json;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Reactions;

/// <summary>
/// Reactions and their counts, for every annotation of the visibility matrix and every viewer: a reaction on
/// what one cannot see is 404 (as for an id that never existed), and no count, list or page of annotations
/// tells a viewer of a reaction on something hidden from them.
/// </summary>
public sealed class ReactionMatrixTests(DiscussionMatrixScene scene) : IClassFixture<DiscussionMatrixScene>
{
    private static readonly MatrixItem[] Questions = [MatrixItem.Private, MatrixItem.Teachers, MatrixItem.Group, MatrixItem.Seminar];

    [Theory]
    [InlineData("upvote")]
    [InlineData("same-question")]
    public async Task Each_viewer_reacts_to_what_they_see_and_counts_agree_with_the_rule(string kind)
    {
        var failures = new List<string>();
        foreach (var item in Enum.GetValues<MatrixItem>())
            foreach (var viewer in Enum.GetValues<MatrixViewer>())
            {
                var response = await scene.ApiClient(viewer).PostAsync($"{scene.IriOf(item)}/reactions/{kind}", null);
                var expected = Expected(kind, item, viewer);
                if (response.StatusCode != expected) failures.Add($"{viewer} {kind} on {item}: {(int)response.StatusCode}, expected {(int)expected}");
                else if (expected == HttpStatusCode.NotFound)
                    Assert.Equal(AnnotationService.NoSuchAnnotation, await response.ProblemDetailAsync(HttpStatusCode.NotFound));
                else if (expected == HttpStatusCode.OK)
                    Assert.Contains(kind, (await response.JsonAsync()).GetProperty("myReactions").EnumerateArray().Select(k => k.GetString()));
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        foreach (var viewer in DiscussionMatrixScene.Members)
        {
            var seen = 0;
            foreach (var item in Enum.GetValues<MatrixItem>())
            {
                var response = await scene.ApiClient(viewer).GetAsync(scene.IriOf(item));
                if (!DiscussionMatrixScene.Sees(item, viewer))
                {
                    await response.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
                    await (await scene.ApiClient(viewer).GetAsync($"{scene.IriOf(item)}/reactions")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
                    continue;
                }
                var json = await response.JsonAsync();
                var reactors = Reactors(kind, item);
                Assert.Equal(reactors.Count, json.GetProperty("reactions").GetProperty(kind).GetInt32());
                Assert.Equal(reactors.Contains(viewer), json.GetProperty("myReactions").EnumerateArray().Any(k => k.GetString() == kind));
                var who = await (await scene.ApiClient(viewer).GetAsync($"{scene.IriOf(item)}/reactions")).JsonAsync();
                Assert.Equal(reactors.Select(r => scene.Person(r)!.DisplayName).Order(), who.GetProperty(kind).EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order());
                seen += reactors.Count;
            }
            // The whole page of annotations adds up to the reactions on what the viewer sees, not one more.
            var collection = await scene.Person(viewer)!.GetCollectionAsync(scene.DocumentId);
            Assert.Equal(seen, collection.GetProperty("first").GetProperty("items").EnumerateArray().Sum(a => a.GetProperty("reactions").GetProperty(kind).GetInt32()));
        }

        // Taken back, by everyone, twice: idempotent, and hidden ones stay 404.
        foreach (var item in Enum.GetValues<MatrixItem>())
            foreach (var viewer in DiscussionMatrixScene.Members)
                for (var time = 0; time < 2; time++)
                {
                    var response = await scene.ApiClient(viewer).DeleteAsync($"{scene.IriOf(item)}/reactions/{kind}");
                    Assert.Equal(DiscussionMatrixScene.Sees(item, viewer) ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
                    if (response.StatusCode == HttpStatusCode.OK) Assert.Empty((await response.JsonAsync()).GetProperty("myReactions").EnumerateArray());
                }
        foreach (var item in Enum.GetValues<MatrixItem>())
        {
            var seer = DiscussionMatrixScene.Members.First(v => DiscussionMatrixScene.Sees(item, v));
            Assert.Equal(0, (await (await scene.ApiClient(seer).GetAsync(scene.IriOf(item))).JsonAsync()).GetProperty("reactions").GetProperty(kind).GetInt32());
        }
    }

    [Fact]
    public async Task A_reaction_on_a_hidden_annotation_answers_exactly_as_one_on_a_made_up_id()
    {
        var other = scene.ApiClient(MatrixViewer.OtherGroup);
        var hidden = await other.PostAsync($"{scene.IriOf(MatrixItem.Group)}/reactions/upvote", null);
        var madeUp = await other.PostAsync($"{scene.App.Origin}/api/annotations/{Guid.NewGuid()}/reactions/upvote", null);

        Assert.Equal(await madeUp.ProblemDetailAsync(HttpStatusCode.NotFound), await hidden.ProblemDetailAsync(HttpStatusCode.NotFound));
        var outsider = scene.ApiClient(MatrixViewer.NonMember);
        Assert.Equal(AnnotationService.NoSuchAnnotation,
            await (await outsider.DeleteAsync($"{scene.IriOf(MatrixItem.Seminar)}/reactions/upvote")).ProblemDetailAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task An_unknown_kind_is_a_400_that_names_the_kinds()
    {
        var detail = await (await scene.ApiClient(MatrixViewer.Teacher).PostAsync($"{scene.IriOf(MatrixItem.Seminar)}/reactions/like", null))
            .ProblemDetailAsync(HttpStatusCode.BadRequest);

        Assert.Contains("upvote or same-question", detail);
    }

    /// <summary>Members who could react: those who see it, not its author, and for "same question" only on a question.</summary>
    private static List<MatrixViewer> Reactors(string kind, MatrixItem item) =>
        DiscussionMatrixScene.Members.Where(v => Expected(kind, item, v) == HttpStatusCode.OK).ToList();

    private static HttpStatusCode Expected(string kind, MatrixItem item, MatrixViewer viewer) =>
        viewer == MatrixViewer.SignedOut ? HttpStatusCode.Unauthorized
        : !DiscussionMatrixScene.Sees(item, viewer) ? HttpStatusCode.NotFound
        : DiscussionMatrixScene.AuthorOf(item) == viewer ? HttpStatusCode.BadRequest
        : kind == "same-question" && !Questions.Contains(item) ? HttpStatusCode.BadRequest
        : HttpStatusCode.OK;
}
