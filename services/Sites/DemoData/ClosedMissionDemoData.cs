using MissionOps.Sites.V1;
using static MissionOps.ServiceDefaults.DemoData.DemoValues;
using static MissionOps.Sites.DemoData.DemoChecklist;

namespace MissionOps.Sites.DemoData;

/// <summary>
/// A small, illustrative mission whose liquidation is complete, so a newcomer can issue a final
/// report: one office in Bamako, closed and handed over once its liquidation team left on
/// 30 June 2023. Nothing in it is from the public record.
/// </summary>
internal static class ClosedMissionDemoData
{
    public const string MissionId = "example-closed";

    public static async Task SeedAsync(SitesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var sites = new DemoSites(db, clock, MissionId, ct);
        await sites.CreateMissionAsync(new Mission
        {
            DisplayName = Text("Example mission, liquidation complete (illustrative)", "Mission d'exemple, liquidation achevée (fictive)"),
            HostCountryCode = "ML",
            MandateStartDate = Day(2021, 1, 1),
            MandateEndDate = Day(2022, 12, 31),
            LiquidationStartDate = Day(2023, 1, 1),
        });
        await sites.CreateRegionAsync("ML09", Text("Bamako", "Bamako"), ("ML0901", Text("Bamako", "Bamako")));
        await sites.CreatePhaseAsync("liquidation", 1, Text("Liquidation", "Liquidation"), new(2023, 1, 1), new(2023, 6, 30));
        await sites.OpenAsync("office", Text("Example mission office, Bamako", "Bureau de la mission d'exemple, Bamako"), SiteKind.Headquarters,
            "ML09", "ML0901", "Bamako", At(12.64, -8.0), new(2021, 1, 1));
        var closed = new DateOnly(2023, 6, 30);
        await sites.PlanAsync("office", "liquidation", closed);
        await sites.RecordChecklistAsync("office", closed, "Director of Sanitation, District of Bamako");
        await sites.CloseAsync("office", closed, Text("The liquidation team left the office.", "L'équipe de liquidation a quitté le bureau."));
        await sites.HandOverAsync("office", Package("EXAMPLE/OFFICE/HO", Text("Governorate of the District of Bamako", "Gouvernorat du district de Bamako"),
            closed, Signs("Governor of the District of Bamako", "Governor of the District of Bamako", "Gouverneur du district de Bamako", HandoverSide.Host),
            Signs("Chief of Mission Support", "Chief of Mission Support", "Chef de l'appui à la mission", HandoverSide.Mission),
            Text("Offices of the district administration", "Bureaux de l'administration du district")));
    }
}
