namespace MissionOps.Testing;

/// <summary>
/// The classes of bad input whose one shared fix lives in ServiceDefaults (branch issue10-input-classes). A class
/// switched off has its cases generated and counted, but not sent: turn it on once its fix is merged.
/// </summary>
public static class InputClassSwitches
{
    /// <summary>NUL refused, naming the field, wherever text comes in.</summary>
    public static bool BadCharacters { get; } = true;

    /// <summary>
    /// An unpaired surrogate, which reaches a service as bytes that are not UTF-8: Google.Protobuf refuses to read such a
    /// message before any interceptor runs, and gRPC answers UNKNOWN (INTERNAL on a client stream). Off until the
    /// text class answers it with INVALID_ARGUMENT.
    /// </summary>
    public static bool UnpairedSurrogates { get; } = false;

    /// <summary>Currency and country codes checked against ISO 4217 and ISO 3166-1 alpha-2, not only their shape.</summary>
    public static bool IsoCodes { get; } = true;

    /// <summary>One stated bound for any amount.</summary>
    public static bool MoneyBound { get; } = true;
}
