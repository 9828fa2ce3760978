using Annotate.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>"Only me" means only me: the live feed and a fresh page load both keep it from others.</summary>
[Collection(SeminarCollection.Name)]
public sealed class VisibilityTests(AppFixture app)
{
    [Fact]
    public async Task A_private_annotation_never_reaches_another_reader()
    {
        await using var author = await app.NewReaderAsync("Carla Private");
        await using var other = await app.NewReaderAsync("Dmitri Other", joining: author);
        await author.Reading.OpenAsync();
        await other.Reading.OpenAsync();

        var secret = $"Note to self, not for the seminar ({Guid.NewGuid():N})";
        var privateId = await author.Reading.AnnotateAsync("the unity of interests, unity of ideology", secret, visibility: "Only me");
        await Expect(author.Reading.Thread(secret)).ToContainTextAsync("Only me");

        // Events arrive in order: once a later, seminar-wide note is at the other reader, the private one would have been too.
        var open = $"Which of these unities comes first? ({Guid.NewGuid():N})";
        await author.Reading.AnnotateAsync("unity of goals, unity of organization", open);
        await Expect(other.Reading.Thread(open)).ToBeVisibleAsync();

        await Expect(other.Reading.Thread(secret)).ToHaveCountAsync(0);
        await Expect(other.Page.GetByText(secret)).ToHaveCountAsync(0);
        await Expect(other.Reading.MarksOf(privateId)).ToHaveCountAsync(0);

        // Nor on a fresh load of the page.
        await other.Reading.OpenAsync();
        await Expect(other.Reading.Thread(open)).ToBeVisibleAsync();
        await Expect(other.Page.GetByText(secret)).ToHaveCountAsync(0);
        await Expect(other.Reading.MarksOf(privateId)).ToHaveCountAsync(0);
    }
}
