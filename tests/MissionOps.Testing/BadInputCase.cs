using Grpc.Core;

namespace MissionOps.Testing;

/// <summary>
/// One bad request: the valid request of a change with one slot set to a bad value. <see cref="Sent"/> is false
/// for a class whose shared fix has not landed (<see cref="InputClassSwitches"/>).
/// </summary>
public sealed record BadInputCase(BadInputKind Kind, string Variant, int SlotIndex, string Path, object Value, bool Sent)
{
    private static readonly StatusCode[] Refusals =
        [StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition, StatusCode.OutOfRange, StatusCode.Aborted];

    /// <summary>The statuses that refuse this case properly.</summary>
    public IReadOnlyList<StatusCode> Expected => Variant switch
    {
        // An etag is opaque: one too long is simply not the current one.
        BadInputCorpus.OverLong or BadInputCorpus.FarOverLong when Path.EndsWith("etag", StringComparison.Ordinal) =>
            [StatusCode.InvalidArgument, StatusCode.Aborted],
        BadInputCorpus.OverLong or BadInputCorpus.FarOverLong => [StatusCode.InvalidArgument],
        BadInputCorpus.AnotherMission => [.. Refusals, StatusCode.PermissionDenied],
        _ => Refusals,
    };

    /// <summary>
    /// Whether an INVALID_ARGUMENT must name this slot: a name moved to another mission breaks its agreement with the
    /// request's other names, and the service may name either side.
    /// </summary>
    public bool MustBeNamed => Variant != BadInputCorpus.AnotherMission;

    public override string ToString() => $"{Path} {Variant}";
}
