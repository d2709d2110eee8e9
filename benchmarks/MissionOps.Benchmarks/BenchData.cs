using MissionOps.Personnel.V1;

namespace MissionOps.Benchmarks;

public readonly record struct BenchPerson(
    string Id, string IndexNumber, string FullName, Component Component, Category Category, string CountryCode, int AssignedSite,
    DateOnly AssignmentDate);

/// <summary>One manifest row as the benchmark holds it before either path turns it into messages or COPY rows.</summary>
public readonly record struct ManifestInput(
    int Person, MovementKind Kind, MovementMode Mode, int Origin, int Destination, DateOnly PlannedDate, DateOnly? ArrivalDate)
{
    /// <summary>No destination: a repatriation.</summary>
    public const int None = -1;
}

/// <summary>One movement of the headcount history, with its single leg (one person each).</summary>
public readonly record struct HistoryLeg(
    int Person, int Sequence, MovementKind Kind, MovementMode Mode, int Origin, int Destination, DateOnly PlannedDate, DateOnly? ArrivalDate,
    MovementState State)
{
    public DateOnly EffectiveDate => ArrivalDate ?? PlannedDate;
}

/// <summary>
/// Everything the benchmark writes, generated from fixed seeds so every run measures the same
/// rows: the sites, the people, the manifest rows and the movement history of every person.
/// </summary>
public sealed class BenchData
{
    public const string MissionId = "bench";
    public const string Mission = "missions/" + MissionId;

    private static readonly Category[] CategoryMix =
    [
        Category.Contingent, Category.Contingent, Category.Contingent, Category.Contingent, Category.Contingent, Category.Contingent,
        Category.StaffOfficer, Category.IndividualPolice, Category.FormedPoliceUnit, Category.FormedPoliceUnit,
        Category.InternationalCivilian, Category.NationalCivilian, Category.NationalCivilian, Category.Volunteer, Category.Contractor,
    ];

    private static readonly string[] Countries = ["SN", "BD", "TD", "EG", "TG", "NE", "BF", "CI", "DE", "CN"];

    private BenchData(string[] siteIds, BenchPerson[] people)
    {
        SiteIds = siteIds;
        SiteNames = siteIds.Select(id => $"{Mission}/sites/{id}").ToArray();
        People = people;
    }

    public IReadOnlyList<string> SiteIds { get; }

    /// <summary>Sites resource names, by site number.</summary>
    public string[] SiteNames { get; }

    public BenchPerson[] People { get; }

    /// <summary>People at <paramref name="siteCount"/> sites: eight named ones, then <c>site-09</c> and on.</summary>
    public static BenchData Create(int peopleCount, int siteCount = 8)
    {
        string[] named = ["sevare", "mopti", "douentza", "bandiagara", "gao", "timbuktu", "kidal", "bamako-hq"];
        var siteIds = named.Take(siteCount).Concat(Enumerable.Range(named.Length + 1, Math.Max(0, siteCount - named.Length)).Select(n => $"site-{n:D2}")).ToArray();
        var random = new Random(20231208);
        var people = new BenchPerson[peopleCount];
        var firstDay = new DateOnly(2021, 1, 1);
        for (var i = 0; i < peopleCount; i++)
        {
            var category = CategoryMix[random.Next(CategoryMix.Length)];
            people[i] = new BenchPerson(
                Id: $"bp-{i:D6}",
                IndexNumber: $"BEN-{i:D6}",
                FullName: $"Person {i:D6}",
                Component: ComponentOf(category),
                Category: category,
                CountryCode: Countries[random.Next(Countries.Length)],
                AssignedSite: random.Next(siteIds.Length),
                // 2021 to 2025: about one in nine people arrive after the headcount day (2025-06-30).
                AssignmentDate: firstDay.AddDays(random.Next(5 * 365)));
        }

        return new BenchData(siteIds, people);
    }

    /// <summary>
    /// Manifest rows of random people from 2024 on, 60% already completed, 5% repatriations, that pass the
    /// import's origin check: each person's rows follow one another in row order and in time, each leaving
    /// from where the one before took them (their first from the site they were assigned to, after they
    /// arrived), and none after they left the mission. Any prefix of the rows is itself a valid manifest.
    /// </summary>
    public ManifestInput[] ManifestRows(int count)
    {
        var random = new Random(4711);
        var rows = new ManifestInput[count];
        var start = new DateOnly(2024, 1, 1);
        var where = People.Select(p => (Site: p.AssignedSite, Day: p.AssignmentDate > start ? p.AssignmentDate : start)).ToArray();
        for (var i = 0; i < count; i++)
        {
            int person;
            do
            {
                person = random.Next(People.Length);
            }
            while (where[person].Site == ManifestInput.None);

            var (origin, lastDay) = where[person];
            var repatriation = random.Next(100) < 5;
            var destination = repatriation ? ManifestInput.None : OtherSite(random, origin);
            var planned = lastDay.AddDays(1 + random.Next(20));
            DateOnly? arrival = random.Next(100) < 60 ? planned.AddDays(random.Next(4)) : null;
            rows[i] = new ManifestInput(person, repatriation ? MovementKind.Repatriation : MovementKind.Transfer,
                random.Next(2) == 0 ? MovementMode.RoadConvoy : MovementMode.Flight, origin, destination, planned, arrival);
            where[person] = (destination, arrival ?? planned);
        }

        return rows;
    }

    /// <summary>
    /// <paramref name="legsPerPerson"/> movements for every person, in date order from their
    /// assignment: a chain of transfers between sites, of which 7% were cancelled and those after
    /// 2026 are still planned; for three people in ten the chain ends with their repatriation.
    /// Several legs of a person may fall on one day (the movement id then decides which is last).
    /// </summary>
    public HistoryLeg[] History(int legsPerPerson)
    {
        var random = new Random(1325);
        var legs = new HistoryLeg[People.Length * legsPerPerson];
        var lastDay = new DateOnly(2026, 10, 31);
        var plannedFrom = new DateOnly(2026, 1, 1);
        var days = new int[legsPerPerson];
        var n = 0;
        for (var p = 0; p < People.Length; p++)
        {
            var person = People[p];
            var leaves = random.Next(10) < 3;
            var span = lastDay.DayNumber - person.AssignmentDate.DayNumber;
            var end = leaves ? person.AssignmentDate.AddDays(30 + random.Next(Math.Max(1, span - 30))) : lastDay;
            for (var k = 0; k < legsPerPerson; k++)
            {
                days[k] = person.AssignmentDate.DayNumber + 1 + random.Next(Math.Max(1, end.DayNumber - person.AssignmentDate.DayNumber));
            }

            Array.Sort(days);
            var here = person.AssignedSite;
            for (var k = 0; k < legsPerPerson; k++)
            {
                var day = DateOnly.FromDayNumber(days[k]);
                var repatriation = leaves && k == legsPerPerson - 1;
                var destination = repatriation ? ManifestInput.None : OtherSite(random, here);
                var mode = random.Next(3) == 0 ? MovementMode.Flight : MovementMode.RoadConvoy;
                var state = day >= plannedFrom ? (random.Next(2) == 0 ? MovementState.Planned : MovementState.Completed)
                    : random.Next(100) < 7 ? MovementState.Cancelled
                    : MovementState.Completed;
                legs[n++] = state == MovementState.Completed
                    ? new HistoryLeg(p, k, repatriation ? MovementKind.Repatriation : MovementKind.Transfer, mode, here, destination,
                        day.AddDays(-random.Next(3)), day, state)
                    : new HistoryLeg(p, k, repatriation ? MovementKind.Repatriation : MovementKind.Transfer, mode, here, destination,
                        day, null, state);
                if (state == MovementState.Completed && destination != ManifestInput.None)
                {
                    here = destination;
                }
            }
        }

        return legs;
    }

    public static string HistoryMovementId(in HistoryLeg leg) => $"h{leg.Person:D6}-{leg.Sequence:D3}";

    /// <summary>
    /// Residual roster entries for one person in twenty, most at the site the generated rows put them on
    /// <paramref name="asOf"/>, some elsewhere; their end dates fall either side of that day and one in ten is deleted,
    /// so each of the roster's conditions decides some of them.
    /// </summary>
    public RosterEntry[] ResidualRoster(HistoryLeg[] legs, int legsPerPerson, DateOnly asOf)
    {
        var random = new Random(2312);
        var entries = new List<RosterEntry>();
        for (var p = 0; p < People.Length; p += 20)
        {
            var site = SiteOn(legs, legsPerPerson, p, asOf) is { } here && random.Next(4) != 0 ? here : random.Next(SiteNames.Length);
            entries.Add(new RosterEntry(p, site, asOf.AddDays(random.Next(-60, 120)), Deleted: random.Next(10) == 0));
        }

        return entries.ToArray();
    }

    /// <summary>The expected headcount, computed here from the generated rows: a third opinion beside the service and the SQL.</summary>
    public HeadcountAnswer ExpectedHeadcount(HistoryLeg[] legs, int legsPerPerson, DateOnly asOf)
    {
        var counts = new Dictionary<(string, string, string), int>();
        for (var p = 0; p < People.Length; p++)
        {
            if (SiteOn(legs, legsPerPerson, p, asOf) is { } site)
            {
                var key = (SiteNames[site], People[p].Component.ToString(), People[p].Category.ToString());
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return new HeadcountAnswer(counts.Select(c => new HeadcountRow(c.Key.Item1, c.Key.Item2, c.Key.Item3, c.Value)));
    }

    /// <summary>The expected occupancy of every site, from the generated rows and roster entries, as the headcount above.</summary>
    public OccupancyAnswer ExpectedOccupancy(HistoryLeg[] legs, int legsPerPerson, RosterEntry[] roster, DateOnly asOf)
    {
        var retained = roster.Where(e => !e.Deleted && asOf <= e.EndDate).ToDictionary(e => e.Person, e => e.Site);
        var present = new int[SiteNames.Length];
        var residual = new int[SiteNames.Length];
        for (var p = 0; p < People.Length; p++)
        {
            if (SiteOn(legs, legsPerPerson, p, asOf) is { } site)
            {
                present[site]++;
                residual[site] += retained.TryGetValue(p, out var retainedAt) && retainedAt == site ? 1 : 0;
            }
        }

        return new OccupancyAnswer(Enumerable.Range(0, SiteNames.Length).Where(s => present[s] > 0)
            .Select(s => new OccupancyRow(SiteNames[s], present[s], residual[s])));
    }

    /// <summary>
    /// The site person <paramref name="p"/> is at on <paramref name="asOf"/> by the generated rows: the destination of
    /// their last completed leg by then, else their assigned site; null before they arrived or after they left.
    /// </summary>
    private int? SiteOn(HistoryLeg[] legs, int legsPerPerson, int p, DateOnly asOf)
    {
        if (People[p].AssignmentDate > asOf)
        {
            return null;
        }

        int? site = People[p].AssignedSite;
        for (var k = 0; k < legsPerPerson; k++)
        {
            var leg = legs[p * legsPerPerson + k];
            if (leg.State == MovementState.Completed && leg.EffectiveDate <= asOf)
            {
                site = leg.Destination == ManifestInput.None ? null : leg.Destination;
            }
        }

        return site;
    }

    private static Component ComponentOf(Category category) => category switch
    {
        Category.Contingent or Category.StaffOfficer => Component.Military,
        Category.IndividualPolice or Category.FormedPoliceUnit => Component.Police,
        _ => Component.Civilian,
    };

    private int OtherSite(Random random, int site)
    {
        var other = random.Next(SiteNames.Length - 1);
        return other >= site ? other + 1 : other;
    }
}

/// <summary>A residual roster entry of the benchmark: person and site by number.</summary>
public readonly record struct RosterEntry(int Person, int Site, DateOnly EndDate, bool Deleted);

public readonly record struct HeadcountRow(string Site, string Component, string Category, int Count);

public readonly record struct OccupancyRow(string Site, int Present, int Residual);

/// <summary>A headcount in a comparable form: its lines sorted, and its total.</summary>
public sealed class HeadcountAnswer(IEnumerable<HeadcountRow> rows) : IAnswer<HeadcountAnswer>
{
    public IReadOnlyList<HeadcountRow> Rows { get; } = rows.OrderBy(r => r.Site, StringComparer.Ordinal).ThenBy(r => r.Component, StringComparer.Ordinal)
        .ThenBy(r => r.Category, StringComparer.Ordinal).ToList();

    public int Total => Rows.Sum(r => r.Count);

    public string? Difference(HeadcountAnswer other) => Answers.FirstDifference(Total, Rows, other.Total, other.Rows);
}

/// <summary>The occupancy of every site in a comparable form: by site, and the total present.</summary>
public sealed class OccupancyAnswer(IEnumerable<OccupancyRow> rows) : IAnswer<OccupancyAnswer>
{
    public IReadOnlyList<OccupancyRow> Rows { get; } = rows.OrderBy(r => r.Site, StringComparer.Ordinal).ToList();

    public int Total => Rows.Sum(r => r.Present);

    public int Residual => Rows.Sum(r => r.Residual);

    public string? Difference(OccupancyAnswer other) => Answers.FirstDifference(Total, Rows, other.Total, other.Rows);
}

public interface IAnswer<in T>
{
    /// <summary>Null when equal, else the first difference.</summary>
    string? Difference(T other);
}
