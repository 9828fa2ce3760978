using System.Net;
using Annotate.Web.Features.Export;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Security;

/// <summary>Printable exports (HTML, PDF) run a bounded number at a time; the next wait a little, then get 429.</summary>
public sealed class ExportBoundsTests
{
    [Fact]
    public async Task Printable_exports_beyond_those_allowed_at_once_wait_then_get_429_while_other_formats_go_on()
    {
        await using var app = AnnotateApp.WithSettings(new Dictionary<string, string>
        {
            ["Export:PrintableAtOnce"] = "1",
            ["Export:PrintableWaitSeconds"] = "1",
        });
        var room = await app.CreateClassroomAsync();
        var slots = app.Services.GetRequiredService<PrintableSlots>();

        // A PDF larger than the test server's response buffer, left unread: its writer waits there, holding its turn.
        var held = await room.StudentA.Http.GetAsync(ExportUrl(room, "pdf"), HttpCompletionOption.ResponseHeadersRead);
        await held.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(1, slots.Running);
        var refused = await room.StudentB.Http.GetAsync(ExportUrl(room, "html"));
        var (detail, retryAfter) = await refused.ShouldBeRateLimitedAsync();
        var csv = await room.StudentB.Http.GetAsync(ExportUrl(room, "csv"));

        Assert.Equal("The server is busy with other printable exports; try again in a few seconds.", detail);
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
        await csv.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var pdf = await ReadAllAsync(held);
        Assert.StartsWith("%PDF-", pdf);
        Assert.True(pdf.Length > 64 * 1024, $"The held PDF must outgrow the test server's response buffer; it has {pdf.Length} bytes.");
        await (await room.StudentB.Http.GetAsync(ExportUrl(room, "html"))).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    private static string ExportUrl(Classroom room, string format) => $"/api/documents/{room.DocumentId}/export?format={format}";

    private static async Task<string> ReadAllAsync(HttpResponseMessage response)
    {
        using (response) return await response.Content.ReadAsStringAsync();
    }
}
