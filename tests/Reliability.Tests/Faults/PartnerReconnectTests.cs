using System.Diagnostics;
using Grpc.Core;
using MissionOps.Client;
using MissionOps.ServiceDefaults;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using Xunit.Abstractions;

namespace MissionOps.Reliability.Tests.Faults;

/// <summary>
/// A partner's tool, on the MissionOps.Client package, asking Sites all through an outage: once Sites is back, its
/// channel connects again within seconds, not after grpc's back-off, which grows to two minutes between attempts.
/// </summary>
[Collection(FaultSuite.Name)]
public sealed class PartnerReconnectTests(MissionProcesses mission, ITestOutputHelper output)
{
    /// <summary>
    /// Long enough for grpc's own back-off to have grown well past the cap by the time the service is back (it doubles
    /// from 1 s, with jitter): without the cap, the partner's first answer came 32.5 s late after the full outage.
    /// </summary>
    private static readonly TimeSpan Outage = FaultSuite.Full ? TimeSpan.FromSeconds(75) : TimeSpan.FromSeconds(25);

    [Fact]
    public async Task A_partner_s_client_reaches_a_service_again_within_seconds_of_its_return_after_a_long_outage()
    {
        using var partner = new MissionOpsClient(new MissionOpsClientOptions
        {
            Sites = mission.Address(ServiceNames.Sites),
            Tokens = MissionOpsClientOptions.FixedToken(TestTokens.Administrator),
            MaxAttempts = 1,
        });
        var ask = new GetMissionRequest { Name = MinusmaSites.Mission };
        Assert.Equal(MinusmaSites.Mission, (await partner.Sites.GetMissionAsync(ask)).Name);

        mission.Kill(ServiceNames.Sites);
        var refused = 0;
        var down = Stopwatch.StartNew();
        TimeSpan restart;
        try
        {
            while (down.Elapsed < Outage)
            {
                var e = await Assert.ThrowsAnyAsync<RpcException>(() => partner.Sites.GetMissionAsync(ask).ResponseAsync);
                Assert.Equal(StatusCode.Unavailable, e.StatusCode);
                refused++;
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
        finally
        {
            // Whatever happened, the rest of the suite finds Sites running.
            restart = await mission.StartAgainAsync(ServiceNames.Sites);
        }

        var outage = down.Elapsed - restart;
        var back = Stopwatch.StartNew();
        Mission? answer = null;
        while (answer is null && back.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                answer = await partner.Sites.GetMissionAsync(ask);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }

        output.WriteLine($"Sites down {outage.TotalSeconds:0} s ({refused} calls refused UNAVAILABLE), serving again {restart.TotalSeconds:0.0} s " +
            $"after its start; the partner's first answer {back.Elapsed.TotalSeconds:0.0} s after that");
        Assert.NotNull(answer);
        Assert.True(back.Elapsed < CallPolicy.MaxReconnectBackoff * 1.2 + TimeSpan.FromSeconds(2),
            $"the partner's channel connected again {back.Elapsed.TotalSeconds:0.0} s after Sites was serving");
    }
}
