using Grpc.Core;
using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults.Contracts;

namespace MissionOps.Liquidation;

public sealed partial class LiquidationApi
{
    public override Task<ClosureReadiness> GetClosureReadiness(GetClosureReadinessRequest request, ServerCallContext context)
    {
        var missionId = ResourceName.Parse("mission", request.Mission, "missions")[0];
        return readiness.BuildAsync(missionId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Token(context));
    }
}
