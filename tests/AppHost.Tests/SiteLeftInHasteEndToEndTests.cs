using MissionOps.Common.V1;
using MissionOps.Liquidation.V1;
using MissionOps.Sites.V1;
using static MissionOps.AppHost.Tests.Values;

namespace MissionOps.AppHost.Tests;

/// <summary>
/// Tessalit left in haste in October 2023, replayed through the AppHost in a small mission of its
/// own: no handover will ever come, an approver records the site's end, Liquidation writes off what
/// was left there from the Sites feed, readiness clears and the final report is issued.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SiteLeftInHasteEndToEndTests(MissionOpsSystem system)
{
    private const string Mission = "missions/haste";
    private const string Tessalit = "missions/haste/sites/tessalit";

    private static Money Usd(long cents) => new() { CurrencyCode = "USD", MinorUnits = cents };

    [Fact]
    public async Task A_site_left_in_haste_is_written_off_readiness_clears_and_the_final_report_is_issued()
    {
        var sites = new SitesService.SitesServiceClient(system.Channel("sites"));
        var liquidation = new LiquidationService.LiquidationServiceClient(system.Channel("liquidation"));
        await CreateMissionWithTessalitAsync(sites);
        await liquidation.UpdateLiquidationPlanAsync(new UpdateLiquidationPlanRequest
        {
            RequestId = Id(),
            LiquidationPlan = new LiquidationPlan { Name = $"{Mission}/liquidationPlan", StartDate = Day(2024, 1, 1), ApprovalThreshold = Usd(5_000_000) },
        });
        await RegisterAsync(liquidation, "camp-buildings", AssetCategory.PrefabricatedBuilding, Text("Camp buildings", "Bâtiments du camp"), 30_000_000);
        await RegisterAsync(liquidation, "generators", AssetCategory.Generator, Text("Generators", "Groupes électrogènes"), 2_500_000);
        var before = await liquidation.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = Mission });
        Assert.Contains(before.BlockingItems, i => i.Kind == BlockerKind.SiteNotHandedOver && i.Resource == Tessalit);

        var approver = system.Issuer.Issue("aissata.traore", ["missionops.sites", "missionops.liquidation"], ["haste:approver"], TimeSpan.FromMinutes(10));
        using var sitesChannel = system.ChannelWith("sites", approver);
        var left = await new SitesService.SitesServiceClient(sitesChannel).RecordSiteLeftWithoutHandoverAsync(new RecordSiteLeftWithoutHandoverRequest
        {
            Name = Tessalit,
            RequestId = Id(),
            LeftWithoutHandover = new LeftWithoutHandoverRecord
            {
                Circumstance = LeftCircumstance.Destroyed,
                LeftDate = Day(2023, 10, 21),
                Reason = Text("Withdrawal brought forward under fire; no authority to receive the camp",
                    "Retrait avancé sous le feu ; aucune autorité pour recevoir le camp"),
                ItemsLeft =
                {
                    new ItemLeftInPlace
                    {
                        Description = Text("Vehicles, generators and ammunition", "Véhicules, groupes électrogènes et munitions"),
                        Disposition = InPlaceDisposition.Destroyed,
                        Reason = Text("No convoy could take them out", "Aucun convoi ne pouvait les évacuer"),
                    },
                },
                BoardReference = "MINUSMA/BOI/2023/031",
            },
        });
        Assert.Equal((SiteState.LeftWithoutHandover, "aissata.traore"), (left.State, left.LeftWithoutHandover.AuthorisedBy));

        var cases = await DisposedCasesAsync(liquidation, count: 2);
        Assert.All(cases, c => Assert.Equal((DisposalMethod.WriteOff, "MINUSMA/BOI/2023/031"), (c.Method, c.Record.CertificateNumber)));
        var readiness = await liquidation.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = Mission });
        Assert.True(readiness.Ready, string.Join("; ", readiness.BlockingItems.Select(i => $"{i.Resource}: {i.Description}")));

        using var liquidationChannel = system.ChannelWith("liquidation", approver);
        var issued = await new LiquidationService.LiquidationServiceClient(liquidationChannel).IssueFinalReportAsync(new IssueFinalReportRequest
        {
            Mission = Mission,
            IssueDate = Day(2024, 6, 30),
            Signatory = new ReportSignatory { FullName = "Aïssata Traoré", Title = "Director of Mission Support" },
            DocumentReference = "MINUSMA/LIQ/2024/031",
            RequestId = Id(),
        });

        var writtenOff = issued.Report.DisposalsByMethod.Single(m => m.Method == DisposalMethod.WriteOff).Figures.Single();
        Assert.Equal((2, -32_500_000L), (writtenOff.AssetCount, writtenOff.Losses.MinorUnits));
        Assert.Equal(issued, await liquidation.GetFinalReportAsync(new GetFinalReportRequest { Name = $"{Mission}/finalReport" }));
    }

    private static async Task CreateMissionWithTessalitAsync(SitesService.SitesServiceClient sites)
    {
        await sites.CreateMissionAsync(new CreateMissionRequest
        {
            MissionId = "haste",
            RequestId = Id(),
            Mission = new Mission { DisplayName = Text("MINUSMA, the north (replay)", "MINUSMA, le nord (rejeu)"), HostCountryCode = "ML", MandateStartDate = Day(2013, 4, 25) },
        });
        await sites.CreateRegionAsync(new CreateRegionRequest
        {
            Parent = Mission,
            RequestId = Id(),
            Region = new Region
            {
                Pcode = "ML08",
                PcodeVersion = "2019",
                DisplayName = Text("Kidal", "Kidal"),
                Districts = { new District { Pcode = "ML0803", DisplayName = Text("Tessalit", "Tessalit") } },
            },
        });
        await sites.CreateSiteAsync(new CreateSiteRequest
        {
            Parent = Mission,
            SiteId = "tessalit",
            RequestId = Id(),
            Site = new Site
            {
                DisplayName = Text("Tessalit camp", "Camp de Tessalit"),
                Kind = SiteKind.Camp,
                Location = new SiteLocation { RegionPcode = "ML08", DistrictPcode = "ML0803", PcodeVersion = "2019", Locality = "Tessalit" },
                OpeningDate = Day(2013, 7, 1),
            },
        });
    }

    private static Task<Asset> RegisterAsync(LiquidationService.LiquidationServiceClient liquidation, string id, AssetCategory category,
        LocalizedText description, long valueCents) => liquidation.CreateAssetAsync(new CreateAssetRequest
    {
        Parent = Mission,
        AssetId = id,
        RequestId = Id(),
        Asset = new Asset
        {
            Description = description, Ownership = Ownership.UnOwned, Category = category, Site = Tessalit, InventoryNumber = id.ToUpperInvariant(),
            AcquisitionCost = Usd(valueCents * 3), DepreciatedValue = Usd(valueCents),
        },
    }).ResponseAsync;

    /// <summary>Liquidation follows the Sites feed on its own: wait until it has written the cases off.</summary>
    private static async Task<List<DisposalCase>> DisposedCasesAsync(LiquidationService.LiquidationServiceClient liquidation, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var cases = (await liquidation.ListDisposalCasesAsync(new ListDisposalCasesRequest { Parent = Mission })).DisposalCases
                .Where(c => c.State == DisposalState.Disposed).ToList();
            if (cases.Count >= count || DateTime.UtcNow > deadline)
            {
                return cases;
            }

            await Task.Delay(250);
        }
    }
}
