namespace MissionOps.ServiceDefaults.Idempotency;

/// <summary>The first answer to a request id, stored in the same transaction as the change it made.</summary>
public sealed class IdempotencyRecord
{
    public Guid RequestId { get; set; }

    public string Method { get; set; } = string.Empty;

    /// <summary>SHA-256 of the request bytes: the same id sent with another request is refused, not answered wrongly.</summary>
    public byte[] RequestHash { get; set; } = [];

    public byte[] Response { get; set; } = [];

    public DateTimeOffset CreateTime { get; set; }
}
