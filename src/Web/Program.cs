using Annotate.Web.Operations;
using Annotate.Web.Setup;

// `migrate`, `backup <file>`, `restore <file>` run instead of the web host (Operations/OperationsCommands.cs).
var command = OperationsCommands.Parse(args);
var builder = WebApplication.CreateBuilder(command?.HostArgs ?? args);
builder.AddAnnotate();
// A command's output is its own sentences; the app's information logs (every SQL statement) would bury them.
if (command is not null) builder.Logging.AddFilter(level => level >= LogLevel.Warning);

var app = builder.Build();
if (command is { Command: var operation })
{
    await using (app) return await operation.RunAsync(app.Services, Console.Out, Console.Error);
}

app.CheckAccountSettings();
await app.PrepareDatabaseAsync();
app.UseAnnotate();

app.Run();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
