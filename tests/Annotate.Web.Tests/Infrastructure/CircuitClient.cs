using System.Reflection;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A bare connection to Blazor's circuit hub (/_blazor), as a page's script opens it before it starts its
/// circuit: for a test of whether a page could get its live circuit at all. The hub speaks only Blazor's own
/// protocol ("blazorpack"), which the framework keeps internal, so it is taken from the framework by name.
/// </summary>
public static class CircuitClient
{
    public static async Task<HubConnection> ConnectAsync(TestServer server)
    {
        var protocol = typeof(CircuitOptions).Assembly.GetTypes().Single(t => t.Name == "BlazorPackHubProtocol");
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "_blazor"), HttpTransportType.LongPolling, options => options.HttpMessageHandlerFactory = _ => server.CreateHandler());
        builder.Services.AddSingleton(typeof(IHubProtocol), Activator.CreateInstance(protocol, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, [], null)!);
        var connection = builder.Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>
    /// Asks the hub to resume a circuit that does not exist: it answers false at once on a working connection.
    /// The hub takes calls only once the connection is fully set up on the server, so an answer shows it is.
    /// </summary>
    public static Task<bool> ResumeUnknownCircuitAsync(HubConnection connection) =>
        connection.InvokeAsync<bool>("ConnectCircuit", "no-such-circuit");
}
