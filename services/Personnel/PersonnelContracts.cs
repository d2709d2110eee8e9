using MissionOps.Personnel.Headcount;
using MissionOps.Personnel.Movements;
using MissionOps.Personnel.People;
using MissionOps.Personnel.Roster;
using MissionOps.Personnel.Units;

namespace MissionOps.Personnel;

/// <summary>The Personnel service's aggregates as its contract shows them, and the events.proto messages of what happens to them.</summary>
public static class PersonnelContracts
{
    public static ChangeContracts Create() => new ChangeContracts(V1.EventsReflection.Descriptor)
        .Add<Person, PersonEvent, V1.Person>(p => p.ToProto(p.Whereabouts?.CurrentSite, p.Whereabouts?.Repatriated ?? false))
        .Add<Unit, UnitEvent, V1.Unit>(u => u.ToProto(u.Strength))
        .Add<Movement, MovementEvent, V1.Movement>(m => m.ToProto())
        .Add<ResidualRosterEntry, ResidualRosterEntryEvent, V1.ResidualRosterEntry>(e => e.ToProto())
        .Add<DrawdownTarget, DrawdownTargetEvent, V1.DrawdownTarget>(t => t.ToProto());
}
