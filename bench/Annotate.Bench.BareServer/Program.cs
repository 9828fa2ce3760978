// The bare SignalR server the fan-out measures compare Annotate with: one hub, and one POST that reads its
// body and broadcasts the same ~1.2 KB annotation to the document's group with Clients.Group, as the
// SignalR samples do. It stores nothing and checks nothing, so whatever Annotate adds shows as the ratio.
using System.Text.Json;
using Annotate.Bench.BareServer;
using Microsoft.AspNetCore.SignalR;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR();
var app = builder.Build();

// Parsed once: the group send serialises the message once per protocol, whatever the readers.
var annotation = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "annotation.json"))).RootElement;

app.MapHub<BareHub>("/hubs/annotations");
app.MapGet("/health", () => "Healthy");
app.MapPost("/api/documents/{id:int}/annotations", async (int id, HttpRequest request, IHubContext<BareHub> hub) =>
{
    // Read like Annotate reads it, so both answer the same request.
    await JsonDocument.ParseAsync(request.Body);
    await hub.Clients.Group(BareHub.GroupOf(id)).SendAsync("annotationCreated", annotation);
    return Results.StatusCode(StatusCodes.Status201Created);
});
app.Run();
