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
        Etag = mission.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
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

        var displayName = v.Bilingual("mission.display_name", m!.DisplayName);
        var country = v.CountryCode("mission.host_country_code", m.HostCountryCode);
        var start = v.Date("mission.mandate_start_date", m.MandateStartDate);
        var end = v.OptionalDate("mission.mandate_end_date", m.MandateEndDate);
        var liquidation = v.OptionalDate("mission.liquidation_start_date", m.LiquidationStartDate);
        v.NotBefore("mission.mandate_end_date", end, "mission.mandate_start_date", start);
        v.NotBefore("mission.liquidation_start_date", liquidation, "mission.mandate_start_date", start);
        v.ThrowIfInvalid();

        return Mission.Create(id, displayName, country, start, end, liquidation, now);
    }
}
