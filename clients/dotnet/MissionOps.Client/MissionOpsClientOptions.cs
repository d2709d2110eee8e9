namespace MissionOps.Client;

/// <summary>Where the services answer and how to call them.</summary>
public sealed class MissionOpsClientOptions
{
    public Uri? Sites { get; set; }

    public Uri? Personnel { get; set; }

    public Uri? Projects { get; set; }

    public Uri? Liquidation { get; set; }

    /// <summary>The bearer token for a service, by the service's audience (<c>missionops.sites</c>).</summary>
    public required Func<string, CancellationToken, ValueTask<string>> Tokens { get; set; }

    /// <summary>The deadline of a unary call that sets none. Streams (feeds, imports) keep theirs.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a call refused as UNAVAILABLE is sent in all; the same request, so the same request id.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The languages of the errors' LocalizedMessage, as an <c>accept-language</c> value (<c>fr</c>, <c>en</c>).</summary>
    public string? Language { get; set; }

    /// <summary>Tokens that never change, such as a development token for every service.</summary>
    public static Func<string, CancellationToken, ValueTask<string>> FixedToken(string token) => (_, _) => ValueTask.FromResult(token);
}
