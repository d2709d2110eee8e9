using MissionOps.Common.V1;
using MissionOps.Projects.V1;
using Date = Google.Type.Date;

namespace MissionOps.Projects.Tests.Api;

/// <summary>Valid requests to start from; each test breaks what it is about.</summary>
public static class Requests
{
    public const string Minusma = "missions/minusma";
    public const string Sevare = "missions/minusma/sites/sevare";

    public static string NewId() => Guid.NewGuid().ToString();

    public static LocalizedText Text(string en, string fr) => new() { En = en, Fr = fr };

    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static Money Usd(long cents) => new() { CurrencyCode = "USD", MinorUnits = cents };

    public static string ProjectName(string id) => $"{Minusma}/projects/{id}";

    public static UpdateQuickImpactRulesRequest QuickImpactRules(long ceilingCents, int months) => new()
    {
        RequestId = NewId(),
        QuickImpactRules = new QuickImpactRules
        {
            Name = $"{Minusma}/quickImpactRules",
            BudgetCeiling = Usd(ceilingCents),
            MaxDurationMonths = months,
        },
    };

    /// <summary>A quick-impact school project at Sévaré: USD 45,000 over five months.</summary>
    public static CreateProjectRequest CreateSchool(string id = "school-sevare") => new()
    {
        Parent = Minusma,
        ProjectId = id,
        RequestId = NewId(),
        Project = new Project
        {
            IatiIdentifier = $"XX-TEST-MINUSMA-{id}",
            Title = Text("Three classrooms in Sévaré", "Trois salles de classe à Sévaré"),
            Description = Text("Rehabilitation of a primary school", "Réhabilitation d'une école primaire"),
            Kind = ProjectKind.Education,
            QuickImpact = true,
            Dates = new ActivityDates { PlannedStart = Day(2023, 1, 1), PlannedEnd = Day(2023, 5, 31) },
            ParticipatingOrganisations =
            {
                new ParticipatingOrganisation { Name = Text("MINUSMA", "MINUSMA"), Ref = "XX-TEST-MINUSMA", Role = OrganisationRole.Funding },
                new ParticipatingOrganisation { Name = Text("GIE Bâtir Mopti", "GIE Bâtir Mopti"), Role = OrganisationRole.Implementing },
            },
            Sectors = { new Sector { Code = "11220", Percentage = 100 } },
            Locations = { new ProjectLocation { Site = Sevare, RegionPcode = "ML05", PcodeVersion = "2019" } },
            Budgets = { new Budget { PeriodStart = Day(2023, 1, 1), PeriodEnd = Day(2023, 5, 31), Value = Usd(4_500_000) } },
            Beneficiaries = { new Beneficiaries { Group = BeneficiaryGroup.Children, Targeted = 400 } },
        },
    };

    /// <summary>The RN15 bridges between Sévaré and Bandiagara: not a quick-impact project.</summary>
    public static CreateProjectRequest CreateBridges() => new()
    {
        Parent = Minusma,
        ProjectId = "rn15-bridges",
        RequestId = NewId(),
        Project = new Project
        {
            IatiIdentifier = "XX-TEST-MINUSMA-TF-2021-007",
            Title = Text("RN15 bridges", "Ponts de la RN15"),
            Description = Text("Rehabilitation of bridges between Sévaré and Bandiagara", "Réhabilitation de ponts entre Sévaré et Bandiagara"),
            Kind = ProjectKind.Infrastructure,
            Dates = new ActivityDates { PlannedStart = Day(2021, 10, 1), PlannedEnd = Day(2022, 9, 30) },
            ParticipatingOrganisations =
            {
                new ParticipatingOrganisation { Name = Text("MINUSMA", "MINUSMA"), Role = OrganisationRole.Funding },
                new ParticipatingOrganisation { Name = Text("Direction régionale des routes", "Direction régionale des routes"), Role = OrganisationRole.Implementing },
            },
            Sectors = { new Sector { Code = "21020", Percentage = 100 } },
            Locations =
            {
                new ProjectLocation { RouteSegment = new RouteSegment { Road = "RN15", FromPlace = "Sévaré", ToPlace = "Bandiagara" }, RegionPcode = "ML05" },
                new ProjectLocation { DistrictPcode = "ML0501", RegionPcode = "ML05", PcodeVersion = "2019" },
            },
            Budgets = { new Budget { PeriodStart = Day(2021, 10, 1), PeriodEnd = Day(2022, 9, 30), Value = Usd(48_000_000) } },
        },
    };

    public static StartProjectRequest Start(string id, Date day) => new() { Name = ProjectName(id), ActualStart = day, RequestId = NewId() };

    public static FinaliseProjectRequest Finalise(string id, Date day) => new() { Name = ProjectName(id), ActualEnd = day, RequestId = NewId() };

    public static CloseProjectRequest Close(string id) => new() { Name = ProjectName(id), RequestId = NewId() };

    public static CancelProjectRequest Cancel(string id) => new() { Name = ProjectName(id), Reason = Text("Insecurity", "Insécurité"), RequestId = NewId() };

    public static RecordTransactionRequest Spend(string id, long cents, TransactionType type = TransactionType.Disbursement) => new()
    {
        Name = ProjectName(id),
        RequestId = NewId(),
        Transaction = new Transaction { Type = type, TransactionDate = Day(2023, 3, 1), Value = Usd(cents) },
    };

    public static RecordProjectHandoverRequest HandOver(string id, Date day) => new()
    {
        Name = ProjectName(id),
        RequestId = NewId(),
        Handover = new ProjectHandover
        {
            Recipient = Text("Mopti Education Academy", "Académie d'enseignement de Mopti"),
            RecipientKind = HandoverRecipientKind.Ministry,
            HandoverDate = day,
            Document = new DocumentReference { Title = Text("Handover certificate", "Procès-verbal de remise"), Reference = "HO-1", SignedDate = day },
        },
    };

    public static RecordResultRequest Result(string id, double? actual = 3) => new()
    {
        Name = ProjectName(id),
        RequestId = NewId(),
        Result = new Result
        {
            Type = ResultType.Output,
            Title = Text("Classrooms rehabilitated", "Salles de classe réhabilitées"),
            Indicators =
            {
                new Indicator
                {
                    Title = Text("Classrooms", "Salles de classe"),
                    Measure = IndicatorMeasure.Unit,
                    BaselineYear = 2022,
                    Periods = { actual is { } value
                        ? new IndicatorPeriod { PeriodStart = Day(2023, 1, 1), PeriodEnd = Day(2023, 5, 31), Target = 3, Actual = value }
                        : new IndicatorPeriod { PeriodStart = Day(2023, 1, 1), PeriodEnd = Day(2023, 5, 31), Target = 3 } },
                },
            },
        },
    };

    /// <summary>What was achieved in the only period of <see cref="Result"/>'s indicator, named by the refs the service gives.</summary>
    public static RecordIndicatorActualRequest Actual(string id, double value) => new()
    {
        Name = ProjectName(id),
        RequestId = NewId(),
        ResultRef = "1",
        IndicatorRef = "1.1",
        PeriodStart = Day(2023, 1, 1),
        PeriodEnd = Day(2023, 5, 31),
        Actual = value,
    };
}
