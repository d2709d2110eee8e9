using MissionOps.Personnel.Movements;
using MissionOps.Personnel.People;
using MissionOps.Personnel.Roster;
using MissionOps.Personnel.Units;
using Category = MissionOps.Personnel.V1.Category;
using Component = MissionOps.Personnel.V1.Component;
using MovementKind = MissionOps.Personnel.V1.MovementKind;
using MovementMode = MissionOps.Personnel.V1.MovementMode;
using ResidualGroup = MissionOps.Personnel.V1.ResidualGroup;
using UnitKind = MissionOps.Personnel.V1.UnitKind;

namespace MissionOps.Personnel.DemoData;

/// <summary>
/// MINUSMA's people for development, generated from a fixed seed so every start gives the same
/// data: about 13,800 personnel across the Sites demo sites, more than 10,500 gone by
/// 8 December 2023, nobody at Sévaré after that day, everyone but the liquidation team and its
/// guard unit gone by 31 December 2023, kept at Bamako and Gao until 30 June 2024. Consistent with the Sites demo data: nobody is left at a
/// site on the day Sites records its closure. Written as the demo loader (see DemoPersonnel).
/// </summary>
public sealed class MinusmaPersonnel(IServiceProvider services, TimeProvider clock, ILogger<MinusmaPersonnel> logger) : IDatabaseSeeder<PersonnelDbContext>
{
    public const string MissionId = "minusma";
    public const int Seed = 20231208;
    public const string Headquarters = "missions/minusma/sites/bamako-hq";
    public const string Sevare = "missions/minusma/sites/sevare";
    public const string Gao = "missions/minusma/sites/gao";

    /// <summary>The day after resolution 2690 ended the mandate: nobody leaves before it, so the withdrawal starts from the whole strength.</summary>
    private static readonly DateOnly WithdrawalStart = new(2023, 7, 1);

    private static readonly DateOnly LastDay = new(2023, 12, 31);
    private static readonly DateOnly SevareClosure = new(2023, 12, 8);
    private static readonly DateOnly RetentionEnd = new(2024, 6, 30);

    /// <summary>Each field site, how many people it had, and the day its last personnel left (as the Sites demo data records).</summary>
    private static readonly (string Site, int People, DateOnly LastDay)[] FieldSites =
    [
        ("missions/minusma/sites/sevare", 4200, SevareClosure),
        ("missions/minusma/sites/douentza", 1400, new DateOnly(2023, 10, 21)),
        ("missions/minusma/sites/ogossagou", 700, new DateOnly(2023, 8, 3)),
        ("missions/minusma/sites/bandiagara", 900, new DateOnly(2023, 11, 30)),
        ("missions/minusma/sites/mopti-regional-office", 400, SevareClosure),
    ];

    private const int HeadquartersPeople = 6200;
    private const int GuardUnitStrength = 150;
    private const int LiquidationTeam = 60;

    /// <summary>
    /// Of the guard unit and the liquidation team, those kept at Gao: the public record has Gao and Bamako kept for the
    /// liquidation, and no figure for either; the split is illustrative. They are counted in the headquarters' strength.
    /// </summary>
    private const int GaoGuards = 50;
    private const int GaoTeam = 10;

    private static readonly string[] GivenNames =
        ["Amadou", "Aïssata", "Moussa", "Fatoumata", "Ibrahim", "Mariam", "Oumar", "Kadiatou", "Jean", "Marie", "Rahul", "Anna", "Kofi", "Ngozi", "Ahmed", "Sofia"];

    private static readonly string[] FamilyNames =
        ["Traoré", "Keïta", "Coulibaly", "Diarra", "Touré", "Sangaré", "Diallo", "Maïga", "Ndiaye", "Sow", "Islam", "Mensah", "Hassan", "Larsen", "Dubois", "Okafor"];

    public async Task SeedAsync(PersonnelDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Personnel.AnyAsync(p => p.MissionId == MissionId, cancellationToken))
        {
            return;
        }

        var now = clock.GetStorableUtcNow();
        var random = new Random(Seed);
        var units = Units(now);
        var people = new List<Person>();
        var movements = new List<Movement>();
        var roster = new List<ResidualRosterEntry>();

        foreach (var (site, count, lastDay) in FieldSites)
        {
            for (var i = 0; i < count; i++)
            {
                var person = NewPerson(random, people.Count, site, units, now);
                people.Add(person);
                if (random.NextDouble() < 0.8)
                {
                    movements.Add(Repatriation(person, site, Between(random, Max(lastDay.AddDays(-60), WithdrawalStart), lastDay), movements.Count, now));
                }
                else
                {
                    var arrived = Between(random, Max(lastDay.AddDays(-30), WithdrawalStart), lastDay);
                    movements.Add(Transfer(person, site, Headquarters, arrived, movements.Count, now));
                    movements.Add(Repatriation(person, Headquarters, Between(random, Max(arrived, SevareClosure).AddDays(1), LastDay), movements.Count, now));
                }
            }
        }

        for (var i = 0; i < HeadquartersPeople; i++)
        {
            var kept = i < GuardUnitStrength + LiquidationTeam;
            var site = i < GaoGuards || (i >= GuardUnitStrength && i < GuardUnitStrength + GaoTeam) ? Gao : Headquarters;
            var person = i < GuardUnitStrength
                ? Guard(people.Count, site, units[^1], now)
                : NewPerson(random, people.Count, site, units, now, civilian: kept);
            people.Add(person);
            if (kept)
            {
                roster.Add(ResidualRosterEntry.Create(MissionId, person.Id, new RetentionTerms(
                    i < GuardUnitStrength ? ResidualGroup.GuardUnit : ResidualGroup.LiquidationTeam,
                    i < GuardUnitStrength ? new Text("Guard", "Garde") : new Text("Liquidation team member", "Membre de l'équipe de liquidation"),
                    site, RetentionEnd), now));
                // A roster entry exempts only until its end date: the residual team leaves the mission that day.
                movements.Add(Repatriation(person, site, RetentionEnd, movements.Count, now));
                continue;
            }

            var left = random.NextDouble() < 0.8 ? Between(random, new DateOnly(2023, 9, 1), SevareClosure) : Between(random, SevareClosure.AddDays(1), LastDay);
            movements.Add(Repatriation(person, Headquarters, left, movements.Count, now));
        }

        var demo = new DemoPersonnel(services, db, MissionId, cancellationToken);
        foreach (var unit in units)
        {
            await demo.UnitAsync(unit);
        }

        await demo.ImportAsync(people, movements, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        foreach (var entry in roster)
        {
            await demo.RosterAsync(entry);
        }

        foreach (var component in new[] { Component.Military, Component.Police, Component.Civilian })
        {
            await demo.TargetAsync($"phase-2-{component.ToString().ToLowerInvariant()}", "missions/minusma/drawdownPhases/phase-2", component, LastDay, 0);
        }

        logger.LogInformation("Loaded the MINUSMA personnel demo data: {People} people, {Movements} movements", people.Count, movements.Count);
    }

    private static List<Unit> Units(DateTimeOffset now) =>
    [
        Unit.Create(MissionId, "sevare-battalion", new Text("Sévaré infantry battalion", "Bataillon d'infanterie de Sévaré"), "SN", UnitKind.Infantry, now),
        Unit.Create(MissionId, "douentza-company", new Text("Douentza infantry company", "Compagnie d'infanterie de Douentza"), "TG", UnitKind.Infantry, now),
        Unit.Create(MissionId, "mopti-fpu", new Text("Mopti formed police unit", "Unité de police constituée de Mopti"), "BF", UnitKind.FormedPolice, now),
        Unit.Create(MissionId, "bamako-engineers", new Text("Bamako engineering company", "Compagnie du génie de Bamako"), "BD", UnitKind.Engineering, now),
        Unit.Create(MissionId, "guard-unit", new Text("Liquidation guard unit", "Unité de garde de la liquidation"), "NP", UnitKind.Guard, now),
    ];

    private static Person NewPerson(Random random, int n, string site, List<Unit> units, DateTimeOffset now, bool civilian = false)
    {
        var roll = civilian ? 0.81 + (random.NextDouble() * 0.19) : random.NextDouble();
        var category = roll switch
        {
            < 0.65 => Category.Contingent,
            < 0.68 => Category.StaffOfficer,
            < 0.71 => Category.IndividualPolice,
            < 0.81 => Category.FormedPoliceUnit,
            < 0.88 => Category.InternationalCivilian,
            < 0.97 => Category.NationalCivilian,
            < 0.99 => Category.Volunteer,
            _ => Category.Contractor,
        };
        string? unit = category switch
        {
            Category.Contingent => site == Headquarters ? "bamako-engineers" : site.EndsWith("douentza", StringComparison.Ordinal) ? "douentza-company" : "sevare-battalion",
            Category.FormedPoliceUnit => "mopti-fpu",
            _ => null,
        };
        var country = unit is null
            ? category == Category.NationalCivilian ? "ML" : "FR"
            : units.Single(u => u.Id == unit).CountryCode;
        var name = $"{GivenNames[random.Next(GivenNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]}";
        return Person.Create(MissionId, $"p-{n + 1:D6}", $"MNS-{n + 1:D6}",
            new PersonDescription(name, Categories.ComponentOf(category), category, country, unit),
            site, Between(random, new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 30)), now);
    }

    private static Person Guard(int n, string site, Unit guardUnit, DateTimeOffset now) =>
        Person.Create(MissionId, $"p-{n + 1:D6}", $"MNS-{n + 1:D6}",
            new PersonDescription($"Guard {n + 1:D6}", Component.Military, Category.Contingent, guardUnit.CountryCode, guardUnit.Id),
            site, new DateOnly(2023, 6, 1), now);

    private static Movement Repatriation(Person person, string from, DateOnly day, int n, DateTimeOffset now) =>
        Completed(Movement.Plan(MissionId, $"demo-{n + 1:D6}", person.Id, null, MovementKind.Repatriation, MovementMode.Flight, from, null, day, 1, DemoPersonnel.ManifestId, now), day, now);

    private static Movement Transfer(Person person, string from, string to, DateOnly day, int n, DateTimeOffset now) =>
        Completed(Movement.Plan(MissionId, $"demo-{n + 1:D6}", person.Id, null, MovementKind.Transfer, MovementMode.RoadConvoy, from, to, day, 1, DemoPersonnel.ManifestId, now), day, now);

    private static Movement Completed(Movement movement, DateOnly day, DateTimeOffset now)
    {
        movement.RecordArrival(day, now);
        return movement;
    }

    private static DateOnly Between(Random random, DateOnly first, DateOnly last) =>
        first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
