using MissionOps.Common.V1;

namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>Bilingual text as the domain keeps it: English and French, both present.</summary>
public sealed record Text(string En, string Fr)
{
    public static readonly Text Empty = new(string.Empty, string.Empty);

    public LocalizedText ToProto() => new() { En = En, Fr = Fr };
}
