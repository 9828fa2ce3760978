using System.Diagnostics;
using Annotate.Web.Operations;
using Annotate.Web.Setup;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Annotate.Web.Tests.Operations;

/// <summary>What a command printed and how it exited.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error);

/// <summary>The operator's commands against a test database: in this process (as Program.cs runs them), or as the real program.</summary>
public static class OperationsRun
{
    public static async Task<CommandResult> RunAsync(TestDatabase database, params string[] args)
    {
        var parsed = OperationsCommands.Parse(args) ?? throw new ArgumentException("No command in the arguments.", nameof(args));
        await using var app = AppServices(database, parsed.HostArgs);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await parsed.Command.RunAsync(app.Services, output, error);
        return new CommandResult(code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// The app's services as Program.cs builds them for a command (built, never started). The whole app, not
    /// just its data: Identity's options decide part of the EF model, and a model built without them differs
    /// from the migrations' (and is then cached for every later app in the process).
    /// </summary>
    public static WebApplication AppServices(TestDatabase database, params string[] hostArgs)
    {
        // The test database first, so that hostArgs may name another.
        string[] args = ["--ConnectionStrings:Annotate", database.ConnectionString, "--Database:Provider", TestDatabase.Provider, "--Demo:Enabled", "false", .. hostArgs];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = "Testing" });
        builder.AddAnnotate();
        return builder.Build();
    }

    /// <summary>`dotnet Annotate.Web.dll args…` with the test database as its connection string: the whole program, exit code and all.</summary>
    public static async Task<CommandResult> RunProgramAsync(TestDatabase database, params string[] args)
    {
        using var process = Process.Start(ProgramStart(database, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CommandResult(process.ExitCode, await output, await error);
    }

    /// <summary>How to start `dotnet Annotate.Web.dll args…` on the test database in Production, its output redirected.</summary>
    public static ProcessStartInfo ProgramStart(TestDatabase database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = database.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Annotate.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__Annotate"] = database.ConnectionString;
        start.Environment["Database__Provider"] = TestDatabase.Provider;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return start;
    }
}
