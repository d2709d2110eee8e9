using System.Diagnostics.Metrics;
using MissionOps.Personnel.Headcount;
using MissionOps.Personnel.Movements;
using MovementState = MissionOps.Personnel.V1.MovementState;

namespace MissionOps.Personnel.Telemetry;

/// <summary>
/// What the dashboard shows of Personnel, for each mission on its planning day: headcount by site and component against the
/// drawdown target in force, movements not yet done by state; and movements completed and held as they happen.
/// </summary>
public sealed class PersonnelMetrics
{
    public const string MeterName = "MissionOps.Personnel";

    private readonly Counter<long> _completed;
    private readonly Counter<long> _held;
    private volatile IReadOnlyList<MissionSample> _samples = [];

    public PersonnelMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _completed = meter.CreateCounter<long>("missionops.personnel.movements.completed", "{person}",
            "People whose movement was completed (arrived, or left the mission).");
        _held = meter.CreateCounter<long>("missionops.personnel.movements.held", "{movement}", "Movements held on the way.");
        meter.CreateObservableGauge("missionops.personnel.headcount", ObserveHeadcount, "{person}",
            "People at each site on the mission's planning day, by component.");
        meter.CreateObservableGauge("missionops.personnel.drawdown_target", ObserveTargets, "{person}",
            "The most people of a component the mission may have at the next deadline of its drawdown, from its planning day.");
        meter.CreateObservableGauge("missionops.personnel.movements.open", ObserveOpenMovements, "{movement}",
            "Movements planned, in transit or held.");
    }

    public void MovementCompleted(Movement movement) =>
        _completed.Add(movement.PeopleCount, new("mission", movement.MissionId), new("kind", movement.Kind.ToString()), new("mode", movement.Mode.ToString()));

    public void MovementHeld(Movement movement) =>
        _held.Add(1, new("mission", movement.MissionId), new("mode", movement.Mode.ToString()));

    public void MovementsImported(IEnumerable<Movement> movements)
    {
        foreach (var group in movements.Where(m => m.State == MovementState.Completed).GroupBy(m => (m.MissionId, m.Kind, m.Mode)))
        {
            _completed.Add(group.Sum(m => m.PeopleCount), new("mission", group.Key.MissionId), new("kind", group.Key.Kind.ToString()),
                new("mode", group.Key.Mode.ToString()));
        }
    }

    public void Record(IReadOnlyList<MissionSample> samples) => _samples = samples;

    private IEnumerable<Measurement<int>> ObserveHeadcount() =>
        _samples.SelectMany(m => m.Headcount.GroupBy(l => (l.Site, l.Component))
            .Select(g => new Measurement<int>(g.Sum(l => l.Count), new("mission", m.MissionId), new("site", g.Key.Site),
                new("component", g.Key.Component.ToString()))));

    private IEnumerable<Measurement<int>> ObserveTargets() =>
        _samples.SelectMany(m => m.Targets.Select(t => new Measurement<int>(t.MaxHeadcount, new("mission", m.MissionId),
            new("component", t.Component.ToString()), new("drawdown_phase", t.DrawdownPhase[(t.DrawdownPhase.LastIndexOf('/') + 1)..]))));

    private IEnumerable<Measurement<int>> ObserveOpenMovements() =>
        _samples.SelectMany(m => m.OpenMovements.Select(o => new Measurement<int>(o.Count, new("mission", m.MissionId), new("state", o.State.ToString()))));
}

/// <summary>One mission as the sampler read it, on its planning day.</summary>
public sealed record MissionSample(string MissionId, IReadOnlyList<HeadcountLine> Headcount, IReadOnlyList<DrawdownTarget> Targets,
    IReadOnlyList<(MovementState State, int Count)> OpenMovements);
