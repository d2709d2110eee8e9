namespace MissionOps.Personnel.Units;

/// <summary>What can happen to a unit; each is an event of the Personnel feed (<c>UnitUpdated</c>).</summary>
public enum UnitEvent
{
    Created,
    Updated,
    StrengthChanged,
}
