using BeneficiaryGroup = MissionOps.Projects.V1.BeneficiaryGroup;
using HandoverRecipientKind = MissionOps.Projects.V1.HandoverRecipientKind;
using OrganisationRole = MissionOps.Projects.V1.OrganisationRole;
using TrainingTopic = MissionOps.Projects.V1.TrainingTopic;
using TransactionType = MissionOps.Projects.V1.TransactionType;

namespace MissionOps.Projects.Projects;

public sealed record Organisation(Text Name, string? Ref, OrganisationRole Role);

public sealed record SectorShare(string Code, decimal Percentage);

/// <summary>A district, a site or a road segment, with the region and P-code version where they apply.</summary>
public sealed record ProjectLocation(string? DistrictPcode, string? Site, RouteSegment? Route, string? RegionPcode, string? PcodeVersion, Text? Name,
    GeoPoint? Coordinates = null);

public sealed record RouteSegment(string Road, string FromPlace, string ToPlace);

/// <summary>A budget period; amounts are minor units of the project's currency.</summary>
public sealed record Budget(DateOnly PeriodStart, DateOnly PeriodEnd, long MinorUnits, bool Revised);

public sealed record Transaction(TransactionType Type, DateOnly Date, long MinorUnits, Text? Description);

public sealed record BeneficiaryCount(BeneficiaryGroup Group, int Targeted, int Reached);

public sealed record Training(TrainingTopic Topic, IReadOnlyList<BeneficiaryCount> Participants);

public sealed record ProjectHandover(Text Recipient, HandoverRecipientKind RecipientKind, DateOnly HandoverDate, Document Document);

/// <summary>What a project describes about itself, as UpdateProject may change it.</summary>
public sealed record ProjectDescription(
    Text Title,
    Text Description,
    Text? TargetGroups,
    bool QuickImpact,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<SectorShare> Sectors,
    IReadOnlyList<ProjectLocation> Locations,
    string Currency,
    IReadOnlyList<Budget> Budgets,
    IReadOnlyList<BeneficiaryCount> Beneficiaries,
    Training? Training)
{
    /// <summary>The budget a quick-impact ceiling is held against: the larger of the original and the revised totals.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long TotalBudget => Math.Max(MoneyTotal.Of(Currency, Budgets.Where(b => !b.Revised), b => b.MinorUnits),
        MoneyTotal.Of(Currency, Budgets.Where(b => b.Revised), b => b.MinorUnits));
}
