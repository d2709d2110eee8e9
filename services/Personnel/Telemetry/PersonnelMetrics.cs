using System.Diagnostics.Metrics;
using MissionOps.Personnel.Headcount;
using MissionOps.Personnel.Movements;
using MovementState = MissionOps.Personnel.V1.MovementState;

namespace MissionOps.Personnel.Telemetry;

/// <summary>What the dashboard shows of Personnel: headcount by site and component, movements completed and held.</summary>
public sealed class PersonnelMetrics
{
    public const string MeterName = "MissionOps.Personnel";

    private readonly Counter<long> _completed;
    private readonly Counter<long> _held;
    private volatile IReadOnlyList<HeadcountLine> _headcount = [];

    public PersonnelMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _completed = meter.CreateCounter<long>("missionops.personnel.movements.completed", "{person}",
            "People whose movement was completed (arrived, or left the mission).");
        _held = meter.CreateCounter<long>("missionops.personnel.movements.held", "{movement}", "Movements held on the way.");
        meter.CreateObservableGauge("missionops.personnel.headcount", ObserveHeadcount, "{person}",
            "People at each site today, by component.");
    }

    public void MovementCompleted(Movement movement) =>
        _completed.Add(movement.PeopleCount, new("kind", movement.Kind.ToString()), new("mode", movement.Mode.ToString()));

    public void MovementHeld(Movement movement) => _held.Add(1, new KeyValuePair<string, object?>("mode", movement.Mode.ToString()));

    public void MovementsImported(IEnumerable<Movement> movements)
    {
        foreach (var group in movements.Where(m => m.State == MovementState.Completed).GroupBy(m => (m.Kind, m.Mode)))
        {
            _completed.Add(group.Sum(m => m.PeopleCount), new("kind", group.Key.Kind.ToString()), new("mode", group.Key.Mode.ToString()));
        }
    }

    public void RecordHeadcount(IReadOnlyList<HeadcountLine> lines) => _headcount = lines;

    private IEnumerable<Measurement<int>> ObserveHeadcount() =>
        _headcount.GroupBy(l => (l.Site, l.Component))
            .Select(g => new Measurement<int>(g.Sum(l => l.Count), new("site", g.Key.Site), new("component", g.Key.Component.ToString())));
}
