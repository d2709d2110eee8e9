using Grpc.Core;

namespace MissionOps.Testing;

/// <summary>One bad request: the valid request of a change with one slot set to a bad value.</summary>
public sealed record BadInputCase(BadInputKind Kind, string Variant, int SlotIndex, string Path, object Value)
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
        // A name whose ids no resource could have is refused as such, before anything is looked up.
        BadInputCorpus.Malformed => [StatusCode.InvalidArgument],
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
