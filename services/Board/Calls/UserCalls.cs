using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using MissionOps.Board.Security;
using MissionOps.Client;

namespace MissionOps.Board.Calls;

/// <summary>
/// The four services as the signed-in user calls them: every call carries the user's own token, so the board shows what
/// the user may see and never more. One per circuit (a browser tab), in the language the tab was opened in.
/// </summary>
public sealed class UserCalls(AuthenticationStateProvider authentication, ServiceAddresses addresses) : IDisposable
{
    private MissionOpsClient? _client;

    public MissionOpsClient Services => _client ??= addresses.ClientFor(TokenAsync, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    public void Dispose() => _client?.Dispose();

    private async ValueTask<string> TokenAsync(string audience, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return BoardClaims.TokenOf(state.User) ?? throw new InvalidOperationException("The board calls the services only for a signed-in user.");
    }
}
