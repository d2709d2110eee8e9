using Microsoft.AspNetCore.DataProtection;

namespace MissionOps.Board.Security;

/// <summary>
/// The keys that seal the sign-in cookie and the forms' antiforgery tokens. One board keeps them for itself; replicas
/// behind one address must share them, or a cookie one signed another refuses: <c>DataProtection:KeysDirectory</c>
/// names a folder they all mount (a shared volume on Kubernetes, docs/deployment.md).
/// </summary>
public static class SharedKeyRing
{
    public const string KeysDirectoryKey = "DataProtection:KeysDirectory";

    public static WebApplicationBuilder AddSharedKeyRing(this WebApplicationBuilder builder)
    {
        if (builder.Configuration[KeysDirectoryKey] is { Length: > 0 } directory)
        {
            builder.Services.AddDataProtection()
                .SetApplicationName("MissionOps.Board")
                .PersistKeysToFileSystem(new DirectoryInfo(directory));
        }

        return builder;
    }
}
