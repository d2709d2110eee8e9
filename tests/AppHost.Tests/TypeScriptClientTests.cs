using MissionOps.Testing;
using System.Diagnostics;
using Aspire.Hosting.Testing;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.AppHost.Tests;

/// <summary>
/// The contracts used from another language as a partner would: <c>clients/typescript</c>, its code generated
/// from <c>protos/</c> with buf and protoc-gen-es and built by <c>tests/run.sh</c>, runs its own tests
/// (<c>node --test</c>) against the system the AppHost started, with a viewer's token.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class TypeScriptClientTests(MissionOpsSystem system)
{
    [Fact]
    public async Task A_TypeScript_client_lists_the_sites_page_by_page_and_follows_the_feed()
    {
        var folder = Path.Combine(Repository.Root, "clients", "typescript");
        Assert.True(File.Exists(Path.Combine(folder, "dist", "test", "sites.test.js")),
            "clients/typescript is not built: run `npm ci && npm run build` there (tests/run.sh does)");
        var token = system.Issuer.Issue("typescript-partner", [TokenIssuer.AudienceOf("sites")], ["minusma:viewer"], TimeSpan.FromMinutes(10));
        var start = new ProcessStartInfo("node", ["--test", "dist/test/"])
        {
            WorkingDirectory = folder,
            Environment =
            {
                ["MISSIONOPS_SITES_URL"] = system.App.GetEndpoint("sites", "grpc").ToString().TrimEnd('/'),
                ["MISSIONOPS_TOKEN"] = token,
                ["MISSIONOPS_MISSION"] = "missions/minusma",
            },
        };

        var ran = await CommandRun.RunAsync(start, TimeSpan.FromMinutes(2));
        var said = ran.All;

        Assert.True(ran.ExitCode == 0, said);
        Assert.Contains("# pass 2", said);
        Assert.Matches(@"\d+ sites in \d+ pages: missions/minusma/sites/", said);
        Assert.Matches(@"first events: \d+ \w+", said);
    }
}
