using MissionOps.Common.V1;
using MissionOps.Liquidation.Assets;
using MissionOps.Liquidation.Disposals;
using MissionOps.Liquidation.Plan;
using MissionOps.Liquidation.Residual;
using MissionOps.Personnel.Client;
using V1 = MissionOps.Liquidation.V1;
using P = MissionOps.Personnel.V1;

namespace MissionOps.Liquidation;

/// <summary>The domain as the contract shows it.</summary>
public static class Mapping
{
    public static Money Money(string currency, long minorUnits) => new() { CurrencyCode = currency, MinorUnits = minorUnits };

    /// <summary>A member of the residual team, as Personnel's residual roster has them: Personnel owns it.</summary>
    public static V1.ResidualTeamMember ToProto(this P.ResidualRosterEntry e) => new()
    {
        Person = e.Person,
        Group = PersonnelDirectory.GroupName(e.Group),
        Role = e.Role,
        Site = e.Site,
        EndDate = e.EndDate,
    };

    /// <summary>The plan, with the residual team Personnel holds (none in the plan's events: it is Personnel's).</summary>
    public static V1.LiquidationPlan ToProto(this LiquidationPlan plan, IReadOnlyList<V1.ResidualTeamMember> team) => new()
    {
        Name = plan.Name,
        StartDate = plan.StartDate.ToProto(),
        ApprovalThreshold = Money(plan.ThresholdCurrency, plan.ThresholdMinorUnits),
        ResidualTeam = { team },
        ResidualTeamSize = team.Count,
        UpdateTime = plan.UpdateTime.ToProto(),
        Etag = plan.Etag,
    };

    public static V1.Asset ToProto(this Asset a) => new()
    {
        Name = a.Name,
        Description = a.Description.ToProto(),
        Ownership = a.Ownership,
        Category = a.Category,
        Site = a.Site,
        InventoryNumber = a.InventoryNumber,
        AcquisitionCost = Money(a.Currency, a.AcquisitionCost),
        DepreciatedValue = Money(a.Currency, a.DepreciatedValue),
        OwnerCountryCode = a.OwnerCountryCode ?? string.Empty,
        ContingentDecision = a.ContingentDecision,
        State = a.State,
        CreateTime = a.CreateTime.ToProto(),
        Etag = a.Etag,
        DeleteTime = a.DeleteTime?.ToProto(),
    };

    public static V1.DisposalCase ToProto(this DisposalCase d) => new()
    {
        Name = d.Name,
        Asset = $"missions/{d.MissionId}/assets/{d.AssetId}",
        Group = d.Group ?? V1.DisposalGroup.Unspecified,
        Method = d.Method,
        State = d.State,
        ApprovalRequired = d.ApprovalRequired,
        Approval = d.Approval is null ? null : new V1.DisposalApproval
        {
            ApprovedBy = d.Approval.ApprovedBy,
            ApprovalDate = d.Approval.ApprovalDate.ToProto(),
            Reference = d.Approval.Reference,
        },
        Record = d.Record is null ? null : new V1.DisposalRecord
        {
            DisposalDate = d.Record.DisposalDate.ToProto(),
            Counterparty = d.Record.Counterparty.ToProto(),
            CertificateNumber = d.Record.CertificateNumber,
            Proceeds = Money(d.AssetCurrency, d.Record.Proceeds),
            GainOrLoss = Money(d.AssetCurrency, d.GainOrLoss ?? 0),
            Compensation = d.Record.Compensation?.ToProto(),
            GeneralAssemblyDecision = d.Record.GeneralAssemblyDecision ?? string.Empty,
            PropertySurveyBoardReference = d.Record.PropertySurveyBoardReference ?? string.Empty,
        },
        OpenedByEvent = d.OpenedByEvent ?? string.Empty,
        CreateTime = d.CreateTime.ToProto(),
        Etag = d.Etag,
    };

    public static V1.CompensationTerms ToProto(this CompensationTerms terms) => new()
    {
        Form = terms.Form,
        Description = terms.Description.ToProto(),
        Agreement = terms.Agreement.ToProto(),
    };

    public static V1.Liability ToProto(this Liability l) => new()
    {
        Name = l.Name,
        Kind = l.Kind,
        Description = l.Description.ToProto(),
        Owner = l.Owner,
        EstimatedCost = l.Currency is null ? null : Money(l.Currency, l.EstimatedCost ?? 0),
        State = l.State,
        SettledDate = l.SettledDate.ToProto(),
        Etag = l.Etag,
        DeleteTime = l.DeleteTime?.ToProto(),
    };

    public static V1.ArchiveRecord ToProto(this ArchiveRecord r) => new()
    {
        Name = r.Name,
        Title = r.Title.ToProto(),
        Owner = r.Owner,
        State = r.State,
        ArchivedDate = r.ArchivedDate.ToProto(),
        Etag = r.Etag,
        DeleteTime = r.DeleteTime?.ToProto(),
    };
}
