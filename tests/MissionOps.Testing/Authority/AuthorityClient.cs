namespace MissionOps.Testing.Authority;

/// <summary>
/// A confidential client of the test authority, with the mission roles its own tokens carry: a service or a partner tool
/// (client credentials), or, with a <see cref="RedirectUri"/>, a web application people sign in to (authorization code).
/// </summary>
public sealed record AuthorityClient(string ClientId, string Secret, IReadOnlyList<string> MissionRoles, Uri? RedirectUri = null);

/// <summary>A person the authority knows, offered on its sign-in page, with the mission roles their tokens carry.</summary>
public sealed record AuthorityUser(string Subject, string Name, IReadOnlyList<string> MissionRoles);
