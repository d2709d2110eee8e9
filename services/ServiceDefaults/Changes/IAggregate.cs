namespace MissionOps.ServiceDefaults.Changes;

/// <summary>
/// A resource changed only through its own methods, which say what happened to it. The change
/// pipeline collects what every aggregate it tracks has raised and writes it to the outbox.
/// </summary>
public interface IAggregate
{
    string MissionId { get; }

    /// <summary>The resource name (<c>missions/minusma/sites/sevare</c>).</summary>
    string Name { get; }

    /// <summary>What happened to it in the change being made, in order.</summary>
    IReadOnlyList<Enum> Raised();

    /// <summary>Forgets what happened, once the change is committed. Until then a retried attempt of the change keeps it.</summary>
    void ClearRaised();
}
