using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Paging;

/// <summary>
/// Seals page tokens with ASP.NET Core Data Protection (authenticated encryption, keys in the
/// service's database so every replica reads every other's tokens) and binds each to the list
/// call it was issued for: the method, and the request whole but its page_token and page_size,
/// so a token sent with another parent or other filters is refused, as is one altered.
/// </summary>
public static class PageTokens
{
    private const string Purpose = "MissionOps.PageToken.v1";

    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>The call being served, so <see cref="PageRequest"/> seals and opens its tokens for it.</summary>
    public static void Enter(ServerCallContext context, IMessage request) => Current.Value = new Scope(context, request);

    internal static string Seal(string payload)
    {
        var scope = In();
        return scope.Protector.Protect(scope.Binding + "\n" + payload);
    }

    internal static string Open(string token)
    {
        var scope = In();
        string sealedPayload;
        try
        {
            sealedPayload = scope.Protector.Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new InvalidArgumentException("page_token", "is not a token this service issued, or it was altered");
        }

        var separator = sealedPayload.IndexOf('\n', StringComparison.Ordinal);
        if (separator < 0 || sealedPayload[..separator] != scope.Binding)
        {
            throw new InvalidArgumentException("page_token", "was issued for another parent or other filters; send the same ones as for the first page");
        }

        return sealedPayload[(separator + 1)..];
    }

    private static Scope In() => Current.Value
        ?? throw new InvalidOperationException("Page tokens are issued and read only while a list call is served (PageTokenInterceptor).");

    /// <summary>
    /// The protector and the binding are made when a token is first sealed or opened: most list calls, a first page
    /// that is also the last, need neither.
    /// </summary>
    private sealed class Scope(ServerCallContext context, IMessage request)
    {
        private IDataProtector? _protector;
        private string? _binding;

        public IDataProtector Protector => _protector ??=
            context.GetHttpContext().RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

        public string Binding => _binding ??= Bind();

        private string Bind()
        {
            var unbound = request.Descriptor.Parser.ParseFrom(request.ToByteString());
            foreach (var field in unbound.Descriptor.Fields.InDeclarationOrder().Where(f => f.Name is "page_token" or "page_size"))
            {
                field.Accessor.Clear(unbound);
            }

            return $"{context.Method} {Convert.ToHexString(SHA256.HashData(unbound.ToByteArray()))}";
        }
    }
}
