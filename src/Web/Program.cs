using Annotate.Data;
using Annotate.Web.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.AddAnnotate();

var app = builder.Build();
app.CheckAccountSettings();
await app.Services.MigrateAnnotateDbAsync();
app.UseAnnotate();

app.Run();

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
