namespace MissionOps.Client.Tokens;

/// <summary>No token could be had for a call: the authority could not be reached or refused the client.</summary>
public sealed class TokenUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
