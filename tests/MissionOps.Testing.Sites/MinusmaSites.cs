using MissionOps.Common.V1;
using MissionOps.Sites.V1;

namespace MissionOps.Testing;

/// <summary>What the services that name sites need to find in Sites: MINUSMA, Mopti, and three sites.</summary>
public static class MinusmaSites
{
    public const string Mission = "missions/minusma";
    public static readonly string[] SiteIds = ["sevare", "bamako-hq", "douentza"];

    /// <summary>The sites' names as the Sites demo data has them: accents, and a comma to quote in a CSV file.</summary>
    private static readonly Dictionary<string, LocalizedText> Names = new()
    {
        ["sevare"] = new LocalizedText { En = "Sévaré camp", Fr = "Camp de Sévaré" },
        ["bamako-hq"] = new LocalizedText { En = "Mission headquarters, Bamako", Fr = "Quartier général de la Mission, Bamako" },
        ["douentza"] = new LocalizedText { En = "Douentza base", Fr = "Base de Douentza" },
    };

    public static async Task CreateAsync(SitesService.SitesServiceClient sites)
    {
        await sites.CreateMissionAsync(new CreateMissionRequest
        {
            MissionId = "minusma",
            RequestId = Guid.NewGuid().ToString(),
            Mission = new Mission
            {
                DisplayName = new LocalizedText { En = "MINUSMA", Fr = "MINUSMA" },
                HostCountryCode = "ML",
                MandateStartDate = new Google.Type.Date { Year = 2013, Month = 4, Day = 25 },
            },
        });
        await sites.CreateRegionAsync(new CreateRegionRequest
        {
            Parent = Mission,
            RequestId = Guid.NewGuid().ToString(),
            Region = new Region
            {
                Pcode = "ML05",
                PcodeVersion = "2019",
                DisplayName = new LocalizedText { En = "Mopti", Fr = "Mopti" },
                Districts = { new District { Pcode = "ML0506", DisplayName = new LocalizedText { En = "Mopti", Fr = "Mopti" } } },
            },
        });
        foreach (var id in SiteIds)
        {
            await sites.CreateSiteAsync(new CreateSiteRequest
            {
                Parent = Mission,
                SiteId = id,
                RequestId = Guid.NewGuid().ToString(),
                Site = new Site
                {
                    DisplayName = Names[id],
                    Kind = SiteKind.Camp,
                    Location = new SiteLocation { RegionPcode = "ML05", DistrictPcode = "ML0506", PcodeVersion = "2019" },
                    OpeningDate = new Google.Type.Date { Year = 2013, Month = 7, Day = 1 },
                },
            });
        }
    }
}
