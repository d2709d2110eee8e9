using Grpc.Core;
using MissionOps.Common.V1;
using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.Sites.V1;
using Npgsql;
using NpgsqlTypes;
using Date = Google.Type.Date;

namespace MissionOps.Benchmarks;

/// <summary>
/// One movement out of a site in the forecast benchmark: a unit's (<see cref="Unit"/> set, its members <see cref="People"/>)
/// or one person's, a row of the drawdown's manifest. Started ones set off today; held ones set off and were stopped.
/// </summary>
public sealed record DrawdownMovement(string Id, int Site, string? Unit, int[] People, DateOnly PlannedDate, bool Started, bool Held);

/// <summary>
/// A drawdown under way over the sites and people of <see cref="BenchData"/>, made through the services' APIs (the units
/// with SQL, as the people are): three phases and every site's closure planned in one, a few projects to hand over, and
/// movements out of every site that
/// between them take every person out (most by unit, some alone), planned from tomorrow to a few days before the site's
/// phase ends (some sites run over it), the earliest started and a few held. The projects are handed over later than
/// any movement leaves, so they set their sites' dates and the withdrawal's; every other site's is set by a movement.
/// </summary>
public sealed class ForecastData
{
    public const string ManifestId = "drawdown-flights";

    public const int Phases = 3;

    private ForecastData(DateOnly today, DrawdownMovement[] movements, int[] projectSites)
    {
        Today = today;
        Movements = movements;
        ProjectSites = projectSites;
    }

    /// <summary>The day the forecast is read as of, as Liquidation takes it: today in UTC.</summary>
    public DateOnly Today { get; }

    public DrawdownMovement[] Movements { get; }

    /// <summary>The site of each project, by site number.</summary>
    public int[] ProjectSites { get; }

    /// <summary>Every project's planned end, when it is to be handed over: after every movement.</summary>
    public DateOnly ProjectHandover => Today.AddDays(365);

    public static string PhaseName(int phase) => $"{BenchData.Mission}/drawdownPhases/phase-{phase + 1}";

    public static int PhaseOf(int site) => site % Phases;

    /// <summary>The last day of a phase: the phases follow one another from today, two months each.</summary>
    public static DateOnly PhaseEnd(DateOnly today, int phase) => today.AddDays(60 * (phase + 1));

    /// <summary>One site in five has movements planned past its phase's end: it is at risk.</summary>
    public static bool RunsOver(int site) => site % 5 == 4;

    public static ForecastData Plan(BenchData data, int movementCount, int projects, DateOnly today)
    {
        var bySite = Enumerable.Range(0, data.SiteNames.Length)
            .Select(s => Enumerable.Range(0, data.People.Length).Where(p => data.People[p].AssignedSite == s && data.People[p].AssignmentDate <= today).ToArray())
            .ToArray();
        var shares = Shares(bySite.Select(p => p.Length).ToArray(), movementCount);
        var movements = new List<DrawdownMovement>();
        var manifestRows = 0;
        for (var s = 0; s < bySite.Length; s++)
        {
            var count = shares[s];
            var alone = count / 8;
            var inUnits = bySite[s][alone..];
            var units = count - alone;
            var first = today.AddDays(1);
            var last = PhaseEnd(today, PhaseOf(s)).AddDays(RunsOver(s) ? 5 : -5);
            var nextAlone = 0;
            var nextUnit = 0;
            var unitStart = 0;
            for (var j = 0; j < count; j++)
            {
                var planned = first.AddDays((int)((long)j * (last.DayNumber - first.DayNumber) / Math.Max(1, count - 1)));
                // The earliest tenth set off today (not at the last site, whose movements are made last), and at one site in
                // five the first of them was stopped on the way.
                var started = j < count / 10 && s < bySite.Length - 1;
                var held = started && j == 0 && s % 5 == 0;
                if (j % 8 == 7 && nextAlone < alone)
                {
                    movements.Add(new DrawdownMovement($"{ManifestId}-{manifestRows++:D6}", s, null, [bySite[s][nextAlone++]],
                        planned, started, held));
                }
                else
                {
                    // The people in units split as evenly as the count allows.
                    var size = (inUnits.Length - unitStart) / (units - nextUnit);
                    var unit = $"unit-{s + 1:D2}-{nextUnit + 1:D3}";
                    movements.Add(new DrawdownMovement($"withdrawal-{s + 1:D2}-{nextUnit + 1:D3}", s, unit, inUnits[unitStart..(unitStart + size)],
                        planned, started, held));
                    unitStart += size;
                    nextUnit++;
                }
            }
        }

        var projectSites = Enumerable.Range(0, projects).Select(i => i * bySite.Length / projects).ToArray();
        return new ForecastData(today, [.. movements], projectSites);
    }

    /// <summary>
    /// Creates it all. The last site's unit movements are created last, after the starts and holds: a feed is kept in
    /// order, so once a forecast counts them, everything Personnel recorded before them is kept too.
    /// </summary>
    public async Task CreateAsync(BenchHost host, BenchData data)
    {
        var sites = new SitesService.SitesServiceClient(host.Sites.Channel);
        for (var phase = 0; phase < Phases; phase++)
        {
            await sites.CreateDrawdownPhaseAsync(new CreateDrawdownPhaseRequest
            {
                Parent = BenchData.Mission,
                DrawdownPhaseId = $"phase-{phase + 1}",
                RequestId = Guid.NewGuid().ToString(),
                DrawdownPhase = new DrawdownPhase
                {
                    Ordinal = phase + 1,
                    DisplayName = Text($"Phase {phase + 1}", $"Phase {phase + 1}"),
                    StartDate = ToDate(phase == 0 ? Today.AddDays(-30) : PhaseEnd(Today, phase - 1).AddDays(1)),
                    EndDate = ToDate(PhaseEnd(Today, phase)),
                },
            });
        }

        await InParallelAsync(Enumerable.Range(0, data.SiteNames.Length), async s => await sites.PlanSiteClosureAsync(new PlanSiteClosureRequest
        {
            Name = data.SiteNames[s],
            DrawdownPhase = PhaseName(PhaseOf(s)),
            PlannedClosureDate = ToDate(PhaseEnd(Today, PhaseOf(s)).AddDays(-3)),
            RequestId = Guid.NewGuid().ToString(),
        }));

        var projects = new ProjectsService.ProjectsServiceClient(host.Projects!.Channel);
        for (var i = 0; i < ProjectSites.Length; i++)
        {
            await projects.CreateProjectAsync(Project($"well-{i + 1:D2}", data.SiteNames[ProjectSites[i]]));
        }

        var personnel = host.Client;
        var byUnit = Movements.Where(m => m.Unit is not null).ToList();
        await WriteUnitsAsync(host, data, byUnit);
        await ImportManifestAsync(personnel, data);

        var last = data.SiteNames.Length - 1;
        await InParallelAsync(byUnit.Where(m => m.Site != last), m => CreateMovementAsync(personnel, data, m));
        await InParallelAsync(Movements.Where(m => m.Started), async m => await personnel.StartMovementAsync(new StartMovementRequest
        {
            Name = Name(m), DepartureDate = ToDate(Today), RequestId = Guid.NewGuid().ToString(),
        }));
        await InParallelAsync(Movements.Where(m => m.Held), async m => await personnel.HoldMovementAsync(new HoldMovementRequest
        {
            Name = Name(m),
            Reason = Text("Movement restrictions on the road", "Restrictions de mouvement sur la route"),
            RequestId = Guid.NewGuid().ToString(),
        }));
        await InParallelAsync(byUnit.Where(m => m.Site == last), m => CreateMovementAsync(personnel, data, m));
    }

    private static string Name(DrawdownMovement movement) => $"{BenchData.Mission}/movements/{movement.Id}";

    /// <summary>
    /// Setting up, not measured: the units and their members written in two statements rather than thousands of CreateUnit
    /// and UpdatePerson calls, as the people are written with COPY. The forecast keeps nothing of units; their movements are
    /// planned through the API.
    /// </summary>
    private static async Task WriteUnitsAsync(BenchHost host, BenchData data, IReadOnlyList<DrawdownMovement> byUnit)
    {
        await using var connection = await host.Database.OpenConnectionAsync();
        await using (var units = new NpgsqlCommand(
            "INSERT INTO units (mission_id, id, display_name_en, display_name_fr, country_code, kind, create_time) " +
            "SELECT @mission, u, 'Company ' || u, 'Compagnie ' || u, 'SN', 'Infantry', now() FROM unnest(@units) AS u", connection))
        {
            units.Parameters.Add(new NpgsqlParameter("mission", NpgsqlDbType.Text) { Value = BenchData.MissionId });
            units.Parameters.Add(new NpgsqlParameter("units", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = byUnit.Select(m => m.Unit!).ToArray() });
            await units.ExecuteNonQueryAsync();
        }

        await using var members = new NpgsqlCommand(
            "UPDATE personnel AS p SET unit_id = m.unit FROM unnest(@people, @units) AS m(person, unit) WHERE p.mission_id = @mission AND p.id = m.person",
            connection);
        members.Parameters.Add(new NpgsqlParameter("people", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = byUnit.SelectMany(m => m.People.Select(p => data.People[p].Id)).ToArray(),
        });
        members.Parameters.Add(new NpgsqlParameter("units", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = byUnit.SelectMany(m => m.People.Select(_ => m.Unit!)).ToArray(),
        });
        members.Parameters.Add(new NpgsqlParameter("mission", NpgsqlDbType.Text) { Value = BenchData.MissionId });
        await members.ExecuteNonQueryAsync();
    }

    /// <summary>The people who leave alone, in one manifest: the import's bulk path, its rows in this order, so their ids are known.</summary>
    private async Task ImportManifestAsync(PersonnelService.PersonnelServiceClient personnel, BenchData data)
    {
        using var call = personnel.ImportMovementManifest();
        await call.RequestStream.WriteAsync(new ImportMovementManifestRequest
        {
            Header = new ManifestHeader { Parent = BenchData.Mission, ManifestId = ManifestId, RequestId = Guid.NewGuid().ToString() },
        });
        await call.RequestStream.WriteAsync(new ImportMovementManifestRequest
        {
            Rows = new ManifestRows
            {
                Rows =
                {
                    Movements.Where(m => m.Unit is null).Select(m => new ManifestRow
                    {
                        IndexNumber = data.People[m.People[0]].IndexNumber,
                        Kind = MovementKind.Repatriation,
                        Mode = MovementMode.Flight,
                        OriginSite = data.SiteNames[m.Site],
                        PlannedDate = ToDate(m.PlannedDate),
                    }),
                },
            },
        });
        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;
        var expected = Movements.Count(m => m.Unit is null);
        if (response.MovementCount != expected)
        {
            throw new BenchmarkFailedException($"the drawdown manifest stored {response.MovementCount} movements of {expected}");
        }
    }

    private static async Task CreateMovementAsync(PersonnelService.PersonnelServiceClient personnel, BenchData data, DrawdownMovement movement)
    {
        var created = await personnel.CreateMovementAsync(new CreateMovementRequest
        {
            Parent = BenchData.Mission,
            MovementId = movement.Id,
            RequestId = Guid.NewGuid().ToString(),
            Movement = new Movement
            {
                Unit = $"{BenchData.Mission}/units/{movement.Unit}",
                Kind = MovementKind.Repatriation,
                Mode = movement.Site % 2 == 0 ? MovementMode.RoadConvoy : MovementMode.Flight,
                OriginSite = data.SiteNames[movement.Site],
                PlannedDate = ToDate(movement.PlannedDate),
            },
        });
        if (created.PeopleCount != movement.People.Length)
        {
            throw new BenchmarkFailedException($"{created.Name} carries {created.PeopleCount} people, not the {movement.People.Length} of {movement.Unit}");
        }
    }

    /// <summary>A few calls at a time: the services take them in turn (a mission's movements are planned under one lock), but not their round trips.</summary>
    private static Task InParallelAsync<T>(IEnumerable<T> items, Func<T, Task> call) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) =>
        {
            try
            {
                await call(item);
            }
            catch (RpcException e)
            {
                throw new BenchmarkFailedException($"setting up the drawdown of {item}: {e.Status}");
            }
        });

    /// <summary>Each site's share of the movements, in proportion to its people (largest remainders), at least one each.</summary>
    private static int[] Shares(int[] people, int total)
    {
        var all = people.Sum();
        var exact = people.Select(n => (double)n * total / all).ToArray();
        var shares = exact.Select(e => Math.Max(1, (int)e)).ToArray();
        foreach (var s in Enumerable.Range(0, people.Length).OrderByDescending(s => exact[s] - Math.Floor(exact[s])).ThenBy(s => s)
            .Take(Math.Max(0, total - shares.Sum())))
        {
            shares[s]++;
        }

        return shares;
    }

    private CreateProjectRequest Project(string id, string site) => new()
    {
        Parent = BenchData.Mission,
        ProjectId = id,
        RequestId = Guid.NewGuid().ToString(),
        Project = new Project
        {
            IatiIdentifier = $"XX-BENCH-{id}",
            Title = Text($"Borehole {id}", $"Forage {id}"),
            Description = Text("A borehole for the host community, handed over as the camp closes", "Un forage pour la communauté d'accueil"),
            Kind = ProjectKind.Water,
            Dates = new ActivityDates { PlannedStart = ToDate(Today.AddDays(-90)), PlannedEnd = ToDate(ProjectHandover) },
            ParticipatingOrganisations =
            {
                new ParticipatingOrganisation { Name = Text("Benchmark mission", "Mission de mesure"), Role = OrganisationRole.Funding },
                new ParticipatingOrganisation { Name = Text("GIE Bâtir Mopti", "GIE Bâtir Mopti"), Role = OrganisationRole.Implementing },
            },
            Sectors = { new Sector { Code = "14030", Percentage = 100 } },
            Locations = { new ProjectLocation { Site = site, RegionPcode = "ML05", PcodeVersion = "2019" } },
            Budgets = { new Budget { PeriodStart = ToDate(ProjectHandover.AddDays(-364)), PeriodEnd = ToDate(ProjectHandover), Value = Usd(4_500_000) } },
            Beneficiaries = { new Beneficiaries { Group = BeneficiaryGroup.Children, Targeted = 400 } },
        },
    };

    private static LocalizedText Text(string en, string fr) => new() { En = en, Fr = fr };

    private static Date ToDate(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    private static Money Usd(long cents) => new() { CurrencyCode = "USD", MinorUnits = cents };
}
