using System.Collections.Frozen;
using MissionOps.Common.V1;

namespace MissionOps.Client;

/// <summary>The reasons of the contract (<c>missionops.common.v1.ErrorReason</c>) as they go on the wire: the value's name, both ways.</summary>
public static class ErrorReasons
{
    private static readonly FrozenDictionary<ErrorReason, string> Names =
        ErrorReasonReflection.Descriptor.EnumTypes.Single(e => e.Name == nameof(ErrorReason)).Values
            .ToFrozenDictionary(v => (ErrorReason)v.Number, v => v.Name);

    private static readonly FrozenDictionary<string, ErrorReason> ByName = Names.ToFrozenDictionary(n => n.Value, n => n.Key, StringComparer.Ordinal);

    /// <summary>The reason an ErrorInfo names, if it is one of the contract's.</summary>
    public static ErrorReason? Parse(string wireName) => ByName.TryGetValue(wireName, out var reason) ? reason : null;

    /// <summary><c>ErrorReason.SiteNotClosed</c> is <c>SITE_NOT_CLOSED</c>.</summary>
    public static string WireName(this ErrorReason reason) =>
        Names.TryGetValue(reason, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(reason), reason, "not a reason of the contract");
}
