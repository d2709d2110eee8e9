namespace MissionOps.ServiceDefaults.Changes;

/// <summary>
/// The base of an aggregate whose happenings are the values of <typeparamref name="TEvent"/>
/// (<c>SiteEvent.HandedOver</c>); the aggregate itself declares <see cref="IAggregate"/>, whose
/// name and mission are its own mapped properties.
/// </summary>
public abstract class Aggregate<TEvent> where TEvent : struct, Enum
{
    private List<Enum>? _raised;

    /// <inheritdoc cref="IAggregate.Raised"/>
    // A method, not a property: the database model maps an entity's properties.
    public IReadOnlyList<Enum> Raised() => _raised ?? [];

    /// <inheritdoc cref="IAggregate.ClearRaised"/>
    public void ClearRaised() => _raised = null;

    protected void Raise(TEvent happened) => (_raised ??= []).Add(happened);

    /// <summary>A new aggregate, having raised its creation.</summary>
    protected static T Raising<T>(T created, TEvent happened) where T : Aggregate<TEvent>
    {
        created.Raise(happened);
        return created;
    }
}
