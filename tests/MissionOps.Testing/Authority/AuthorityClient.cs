namespace MissionOps.Testing.Authority;

/// <summary>A confidential client of the test authority: a service or a partner tool, with the mission roles its tokens carry.</summary>
public sealed record AuthorityClient(string ClientId, string Secret, IReadOnlyList<string> MissionRoles);
