using Microsoft.FluentUI.AspNetCore.Components;
using MissionOps.Board.Calls;
using MissionOps.Board.Overview;
using MissionOps.Board.Security;
using MissionOps.ServiceDefaults.Telemetry;

namespace MissionOps.Board;

public static class BoardApplication
{
    public static WebApplicationBuilder AddBoard(this WebApplicationBuilder builder)
    {
        // The Fluent UI library's styles and scripts are served from the package where it was restored, as in development,
        // whenever the board runs from its build rather than a publish (tests included).
        if (!builder.Environment.IsProduction())
        {
            builder.WebHost.UseStaticWebAssets();
        }

        builder.ConfigureOpenTelemetry();
        builder.Services.AddHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MissionPlanningDays>();
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddFluentUIComponents();
        builder.AddBoardSignIn();
        builder.AddSharedKeyRing();

        builder.Services.AddSingleton<ServiceAddresses>();
        builder.Services.AddScoped<UserCalls>();
        builder.Services.AddScoped<MissionOverviewReader>();
        builder.Services.AddScoped<SiteDetailReader>();
        return builder;
    }
}
