using Annotate.Web.Operations;
using Annotate.Web.Setup;
using Microsoft.Extensions.Logging.Console;

// `migrate`, `backup <file>`, `restore <file>` run instead of the web host (Operations/OperationsCommands.cs).
var command = OperationsCommands.Parse(args);
var builder = WebApplication.CreateBuilder(command?.HostArgs ?? args);
if (command is { Command: var operation })
{
    WebApplication commandApp;
    try
    {
        builder.AddAnnotate();
        // A command's output is its own sentences; the app's information logs (every SQL statement) would bury
        // them, and so would EF's account of a failed connection, which the command reports in one sentence. A
        // rule for the console alone, so that no category rule of appsettings (EF's commands at Warning) outranks it.
        builder.Logging.AddFilter<ConsoleLoggerProvider>((category, level) =>
            level >= LogLevel.Warning && category?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) != true);
        commandApp = builder.Build();
    }
    catch (InvalidOperationException e)
    {
        // A setting the app refuses (an unknown provider, a connection string it cannot read): its sentence, not a stack trace.
        Console.Error.WriteLine(e.Message);
        return 1;
    }
    await using (commandApp) return await operation.RunAsync(commandApp.Services, Console.Out, Console.Error);
}

builder.AddAnnotate();
var app = builder.Build();
app.CheckAccountSettings();
await app.PrepareDatabaseAsync();
app.UseAnnotate();

app.Run();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
