using static MissionOps.ServiceDefaults.DemoData.DemoValues;

namespace MissionOps.Sites.DemoData;

/// <summary>The regions of Mali where the demo's sites are, with their districts (cercles), by OCHA P-code, 2019 version.</summary>
internal static class MinusmaRegions
{
    public static async Task CreateAsync(DemoSites sites)
    {
        await sites.CreateRegionAsync("ML05", Text("Mopti", "Mopti"),
            ("ML0501", Text("Bandiagara", "Bandiagara")), ("ML0502", Text("Bankass", "Bankass")), ("ML0503", Text("Djenné", "Djenné")),
            ("ML0504", Text("Douentza", "Douentza")), ("ML0505", Text("Koro", "Koro")), ("ML0506", Text("Mopti", "Mopti")),
            ("ML0507", Text("Ténenkou", "Ténenkou")), ("ML0508", Text("Youwarou", "Youwarou")));
        await sites.CreateRegionAsync("ML06", Text("Timbuktu", "Tombouctou"), ("ML0605", Text("Timbuktu", "Tombouctou")));
        await sites.CreateRegionAsync("ML07", Text("Gao", "Gao"), ("ML0703", Text("Gao", "Gao")));
        await sites.CreateRegionAsync("ML08", Text("Kidal", "Kidal"), ("ML0802", Text("Kidal", "Kidal")), ("ML0803", Text("Tessalit", "Tessalit")));
        await sites.CreateRegionAsync("ML09", Text("Bamako", "Bamako"), ("ML0901", Text("Bamako", "Bamako")));
    }
}
