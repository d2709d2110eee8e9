extern alias board;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using BoardProgram = board::Program;

namespace MissionOps.Board.Tests;

/// <summary>The board on a loopback port, calling the services at these addresses, shown on the Sévaré note's day.</summary>
public sealed class BoardHost(IReadOnlyDictionary<string, Uri> addresses, Dictionary<string, string> settings) : WebApplicationFactory<BoardProgram>
{
    /// <param name="port">The port to listen on; any free one when 0.</param>
    public Uri Start(int port = 0)
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Missions:minusma:PlanningDay", BoardApp.PlanningDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (name, address) in addresses)
        {
            builder.UseSetting($"services:{name}:grpc:0", address.ToString());
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
