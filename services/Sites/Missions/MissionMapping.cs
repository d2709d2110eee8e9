using V1 = MissionOps.Sites.V1;

namespace MissionOps.Sites.Missions;

public static class MissionMapping
{
    public static V1.Mission ToProto(this Mission mission) => new()
    {
        Name = mission.Name,
        DisplayName = mission.DisplayName.ToProto(),
        HostCountryCode = mission.HostCountryCode,
        MandateStartDate = mission.MandateStartDate.ToProto(),
        MandateEndDate = mission.MandateEndDate.ToProto(),
        LiquidationStartDate = mission.LiquidationStartDate.ToProto(),
        CreateTime = mission.CreateTime.ToProto(),
        UpdateTime = mission.UpdateTime.ToProto(),
        Etag = mission.Etag,
    };

    public static Mission Parse(V1.CreateMissionRequest request, DateTimeOffset now, out Guid requestId)
    {
        var v = new RequestValidator();
        var id = v.ResourceId("mission_id", request.MissionId);
        requestId = v.RequestId("request_id", request.RequestId);
        var m = request.Mission;
        if (m is null)
        {
            v.Add("mission", "is required");
            v.ThrowIfInvalid();
        }

        var country = v.CountryCode("mission.host_country_code", m!.HostCountryCode);
        var terms = MissionTerms.Of(v, m);
        v.ThrowIfInvalid();

        return Mission.Create(id, country, terms, now);
    }
}
