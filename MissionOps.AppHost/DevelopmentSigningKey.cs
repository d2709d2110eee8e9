using System.Security.Cryptography;
using MissionOps.AppHost.Postgres;

namespace MissionOps.AppHost;

/// <summary>
/// The key development tokens are signed with: made once, kept beside the development data
/// (mode 600), given to every service as a secret parameter. The project's token command reads
/// the same file. In production the services trust an OpenID Connect authority instead.
/// </summary>
public static class DevelopmentSigningKey
{
    public const string FileName = "signing-key";

    public static IResourceBuilder<ParameterResource> Add(IDistributedApplicationBuilder builder)
    {
        var root = MissionDatabases.DataRoot(builder);
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, FileName);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return builder.AddParameter("auth-signing-key", File.ReadAllText(path).Trim(), secret: true);
    }
}
