using Google.Protobuf.WellKnownTypes;
using MissionOps.Common.V1;
using MissionOps.Personnel.V1;
using Date = Google.Type.Date;

namespace MissionOps.Personnel.Tests.Api;

/// <summary>Valid requests to start from; each test breaks what it is about.</summary>
public static class Requests
{
    public const string Minusma = "missions/minusma";
    public const string Sevare = "missions/minusma/sites/sevare";
    public const string Headquarters = "missions/minusma/sites/bamako-hq";
    public const string Gao = "missions/minusma/sites/gao";
    public const string Douentza = "missions/minusma/sites/douentza";

    public static string NewId() => Guid.NewGuid().ToString();

    public static LocalizedText Text(string en, string fr) => new() { En = en, Fr = fr };

    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static CreatePersonRequest CreatePerson(string id, string site = Sevare, Category category = Category.Contingent) => new()
    {
        Parent = Minusma,
        PersonId = id,
        RequestId = NewId(),
        Person = new Person
        {
            IndexNumber = "MNS-" + id,
            FullName = "Aïssata Traoré",
            Component = category switch
            {
                Category.Contingent or Category.StaffOfficer => Component.Military,
                Category.IndividualPolice or Category.FormedPoliceUnit => Component.Police,
                _ => Component.Civilian,
            },
            Category = category,
            CountryCode = "SN",
            AssignedSite = site,
            AssignmentDate = Day(2023, 1, 15),
        },
    };

    public static CreateUnitRequest CreateUnit(string id, UnitKind kind = UnitKind.Infantry) => new()
    {
        Parent = Minusma,
        UnitId = id,
        RequestId = NewId(),
        Unit = new Unit { DisplayName = Text("Sévaré battalion", "Bataillon de Sévaré"), CountryCode = "SN", Kind = kind },
    };

    /// <summary>Sends <paramref name="person"/> as changed, with only these paths in the mask and no etag.</summary>
    public static UpdatePersonRequest UpdatePerson(Person person, params string[] paths) => new()
    {
        Person = person,
        UpdateMask = new FieldMask { Paths = { paths } },
        RequestId = NewId(),
    };

    public static UpdateUnitRequest UpdateUnit(Unit unit, params string[] paths) => new()
    {
        Unit = unit,
        UpdateMask = new FieldMask { Paths = { paths } },
        RequestId = NewId(),
    };

    public static UpdateResidualRosterEntryRequest UpdateRosterEntry(ResidualRosterEntry entry, params string[] paths) => new()
    {
        ResidualRosterEntry = entry,
        UpdateMask = new FieldMask { Paths = { paths } },
        RequestId = NewId(),
    };

    public static UpdateDrawdownTargetRequest UpdateTarget(DrawdownTarget target, params string[] paths) => new()
    {
        DrawdownTarget = target,
        UpdateMask = new FieldMask { Paths = { paths } },
        RequestId = NewId(),
    };

    public static string PersonName(string id) => $"{Minusma}/personnel/{id}";

    public static string UnitName(string id) => $"{Minusma}/units/{id}";

    public static CreateMovementRequest MoveUnit(string movementId, string unitId, string from, string to, Date planned) => new()
    {
        Parent = Minusma,
        MovementId = movementId,
        RequestId = NewId(),
        Movement = new Movement
        {
            Unit = UnitName(unitId),
            Kind = MovementKind.Transfer,
            Mode = MovementMode.RoadConvoy,
            OriginSite = from,
            DestinationSite = to,
            PlannedDate = planned,
        },
    };

    public static CreateMovementRequest MovePerson(string movementId, string personId, string from, string? to, Date planned) => new()
    {
        Parent = Minusma,
        MovementId = movementId,
        RequestId = NewId(),
        Movement = new Movement
        {
            Person = $"{Minusma}/personnel/{personId}",
            Kind = to is null ? MovementKind.Repatriation : MovementKind.Transfer,
            Mode = to is null ? MovementMode.Flight : MovementMode.RoadConvoy,
            OriginSite = from,
            DestinationSite = to ?? string.Empty,
            PlannedDate = planned,
        },
    };

    public static string MovementName(string id) => $"{Minusma}/movements/{id}";

    public static StartMovementRequest Start(string id, Date day) => new() { Name = MovementName(id), DepartureDate = day, RequestId = NewId() };

    public static CompleteMovementRequest Complete(string id, Date day) => new() { Name = MovementName(id), ArrivalDate = day, RequestId = NewId() };

    public static HoldMovementRequest Hold(string id) => new()
    {
        Name = MovementName(id),
        Reason = Text("Convoy stopped by movement restrictions", "Convoi arrêté par des restrictions de mouvement"),
        RequestId = NewId(),
    };

    public static string RosterEntryName(string personId) => $"{Minusma}/residualRosterEntries/{personId}";

    /// <summary>Retains the person as a guard at <paramref name="site"/> until the end of June 2024.</summary>
    public static CreateResidualRosterEntryRequest Retain(string personId, string site = Sevare) => new()
    {
        Parent = Minusma,
        RequestId = NewId(),
        ResidualRosterEntry = new ResidualRosterEntry
        {
            Person = PersonName(personId), Group = ResidualGroup.GuardUnit, Role = Text("Guard", "Garde"), Site = site, EndDate = Day(2024, 6, 30),
        },
    };

    public static string TargetName(string id) => $"{Minusma}/drawdownTargets/{id}";

    /// <summary>No one of the component left by the end of 2023, in phase 2; the id is <c>phase-2-{component}</c>.</summary>
    public static CreateDrawdownTargetRequest Target(Component component) => new()
    {
        Parent = Minusma,
        DrawdownTargetId = $"phase-2-{component.ToString().ToLowerInvariant()}",
        RequestId = NewId(),
        DrawdownTarget = new DrawdownTarget
        {
            DrawdownPhase = $"{Minusma}/drawdownPhases/phase-2", Component = component, Deadline = Day(2023, 12, 31), MaxHeadcount = 0,
        },
    };

    public static GetHeadcountRequest HeadcountAt(Date day, string? site = null) => new()
    {
        Parent = Minusma,
        AsOfDate = day,
        Site = site ?? string.Empty,
    };
}
