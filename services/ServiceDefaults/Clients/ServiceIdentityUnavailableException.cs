namespace MissionOps.ServiceDefaults.Clients;

/// <summary>The OpenID Connect authority gave this service no token: it was unreachable or refused the client's credentials.</summary>
public sealed class ServiceIdentityUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
