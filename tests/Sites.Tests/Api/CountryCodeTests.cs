using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>A host country is an ISO 3166-1 alpha-2 code in use, not a shape of two letters.</summary>
public sealed class CountryCodeTests(SitesApp app) : SitesApiTest(app)
{
    [Theory]
    [InlineData("ZZ")]
    [InlineData("AN")]
    public async Task A_host_country_not_in_ISO_3166_is_refused_with_its_value(string code)
    {
        var request = CreateMission();
        request.Mission.HostCountryCode = code;

        var violations = await RpcAssert.InvalidArgument(() => Client.CreateMissionAsync(request).ResponseAsync, "mission.host_country_code");

        Assert.Contains($"'{code}'", violations[0].Description, StringComparison.Ordinal);
        Assert.Empty((await Client.ListMissionsAsync(new V1.ListMissionsRequest())).Missions);
    }
}
