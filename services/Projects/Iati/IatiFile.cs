using System.Security.Cryptography;

namespace MissionOps.Projects.Iati;

/// <summary>An IATI activities file as written: its bytes (UTF-8 XML), how many activities it holds, and who reports them.</summary>
public sealed record IatiFile(byte[] Xml, int ActivityCount, string ReportingOrgRef)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Xml));
}
