namespace MissionOps.Projects.Rules;

/// <summary>What can happen to a mission's quick-impact rules: they are set, then changed.</summary>
public enum QuickImpactRulesEvent
{
    Created,
    Updated,
}
