using System.Diagnostics;
using Annotate.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Annotate.Web.Tests.Operations.LostWrites;

/// <summary>
/// The hosting library announces "HostBuilding" with the builder before it builds the app's services (the same
/// seam WebApplicationFactory uses for an app with top-level statements); this adds the sabotage there.
/// </summary>
internal sealed class HostBuildingObserver(string record) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "Microsoft.Extensions.Hosting") listener.Subscribe(this);
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value is { Key: "HostBuilding", Value: IHostBuilder builder })
            builder.ConfigureServices(services => services.ConfigureDbContext<AnnotateDb>(options => options.AddInterceptors(new LosingCommits(record))));
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
