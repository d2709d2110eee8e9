using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Changes;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.ServiceDefaults.DemoData;

/// <summary>
/// Loads demo data through the service's own gRPC endpoints, called in process, so the demo goes
/// through the same validation, rules, events and audit as any caller's change. Its changes are
/// audited under the subject <see cref="Subject"/> as a mission administrator, and each request
/// id is derived from the step's name, so a load that is run again changes nothing twice.
/// </summary>
public sealed class DemoLoader(string service, string missionId)
{
    public const string Subject = "demo-loader";
    public const string UserAgent = "missionops-demo-loader";

    public string MissionId { get; } = missionId;

    /// <summary>The service's endpoints over the seeder's own database: their changes go through a pipeline over it, not one of their own scope.</summary>
    public static TApi Endpoints<TApi, TDb>(IServiceProvider services, TDb db)
        where TDb : DbContext
    {
        var changes = new ChangePipeline<TDb>(db, services.GetRequiredService<ChangeContracts>(), services.GetRequiredService<TimeProvider>());
        return ActivatorUtilities.CreateInstance<TApi>(services, db, changes);
    }

    /// <summary>The request id of a step of this mission's demo: the same on every run.</summary>
    public string RequestId(string step) =>
        new Guid(MD5.HashData(Encoding.UTF8.GetBytes($"demo:{MissionId}:{step}"))).ToString();

    /// <summary>Calls one endpoint as the demo loader; <paramref name="method"/> is the RPC's name (<c>CreateSite</c>).</summary>
    public async Task<TResponse> CallAsync<TResponse>(string method, Func<ServerCallContext, Task<TResponse>> call, CancellationToken ct)
    {
        var path = $"/{service}/{method}";
        AuditScope.Current = new AuditActor(Subject, [$"{MissionId}:{MissionRoles.Administrator}"], null, path)
        {
            Peer = "in-process",
            UserAgent = UserAgent,
        };
        try
        {
            return await call(new LoaderCallContext(path, ct));
        }
        finally
        {
            AuditScope.Current = null;
        }
    }
}
