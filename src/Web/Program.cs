using Annotate.Data;
using Annotate.Web.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.AddAnnotate();

var app = builder.Build();
await app.Services.MigrateAnnotateDbAsync();
await app.SeedDemoAsync();
app.UseAnnotate();

app.Run();

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
