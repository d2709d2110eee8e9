using V1 = MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation.Report;

/// <summary>The disposals made under an authority Financial Regulation 5.14 requires, each with its terms or reference, by asset.</summary>
public static class DisposalAuthorities
{
    public static IEnumerable<V1.DisposalAuthority> Of(IEnumerable<AssetOnDay> disposed) =>
        disposed.Where(d => d.Case!.Record is { } r && (r.Compensation is not null || r.GeneralAssemblyDecision is not null || r.PropertySurveyBoardReference is not null))
            .Select(d => new V1.DisposalAuthority
            {
                Asset = d.Asset.Name,
                Description = d.Asset.Description.ToProto(),
                DisposalCase = d.Case!.Name,
                Method = d.Case.Method,
                DisposalDate = d.Case.Record!.DisposalDate.ToProto(),
                Counterparty = d.Case.Record.Counterparty.ToProto(),
                Compensation = d.Case.Record.Compensation?.ToProto(),
                GeneralAssemblyDecision = d.Case.Record.GeneralAssemblyDecision ?? string.Empty,
                PropertySurveyBoardReference = d.Case.Record.PropertySurveyBoardReference ?? string.Empty,
                Proceeds = Mapping.Money(d.Asset.Currency, d.Case.Record.Proceeds),
            });
}
