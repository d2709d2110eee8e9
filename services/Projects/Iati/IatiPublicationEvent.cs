namespace MissionOps.Projects.Iati;

/// <summary>What happens to a publication of a mission's IATI file: it is published, and then never changes.</summary>
public enum IatiPublicationEvent
{
    Published,
}
