using MissionOps.ServiceDefaults;

namespace MissionOps.AppHost;

/// <summary>The drawdown board: the web page people open, calling the four services with each signed-in user's token.</summary>
public static class DrawdownBoard
{
    public const string Name = "board";
    public const int Port = 5100;

    public static IResourceBuilder<ProjectResource> AddDrawdownBoard(this IDistributedApplicationBuilder builder,
        IResourceBuilder<ParameterResource> signingKey, params IResourceBuilder<ProjectResource>[] services)
    {
        var board = builder.AddProject<global::Projects.Board>(Name, options => options.ExcludeLaunchProfile = true)
            .WithHttpEndpoint(port: Port, name: GrpcServices.HttpEndpoint)
            .WithUrlForEndpoint(GrpcServices.HttpEndpoint, url => url.DisplayText = "Drawdown board")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            // Only for its development sign-in page, which the board offers outside production alone.
            .WithEnvironment("Auth__SigningKey", signingKey)
            .WithLeanRuntime()
            .WithMinusmaReplay(builder)
            .WithHttpHealthCheck("/health");
        foreach (var service in services)
        {
            board.WithReference(service.GetEndpoint(GrpcServices.Endpoint)).WaitFor(service);
        }

        return board;
    }
}
