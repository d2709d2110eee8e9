namespace MissionOps.Testing;

/// <summary>The kinds of bad value the corpus puts into a request, as the issue names them.</summary>
public enum BadInputKind
{
    Text,
    Money,
    Enum,
    Date,
    Code,
    Reference,
}
