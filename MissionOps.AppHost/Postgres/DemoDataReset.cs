using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MissionOps.AppHost.Postgres;

/// <summary>
/// The dashboard's "Load demo data again" on the PostgreSQL server, in development: the services stopped (the last started
/// first), their databases dropped, then the services started again as on a first start: each once those it waits for are
/// back, creating its database and loading the demo data. What was recorded since is gone, so the dashboard asks first.
/// </summary>
public static class DemoDataReset
{
    public const string Name = "load-demo-data-again";

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    /// <summary>Once every service has its database, in the order each waits for those before it.</summary>
    public static void AddDemoDataReset(this MissionDatabases databases, IDistributedApplicationBuilder builder)
    {
        var services = databases.Owners;
        if (builder.Environment.EnvironmentName != "Development")
        {
            return;
        }

        databases.Server.WithCommand(Name, "Load demo data again", async context =>
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
            patience.CancelAfter(Patience);
            var ct = patience.Token;
            var commands = context.Services.GetRequiredService<ResourceCommandService>();
            var notifications = context.Services.GetRequiredService<ResourceNotificationService>();
            try
            {
                foreach (var (service, _) in services.Reverse())
                {
                    context.Logger.LogInformation("Stopping {Service}", service.Resource.Name);
                    var stopped = await commands.ExecuteCommandAsync(service.Resource, KnownResourceCommands.StopCommand, ct);
                    if (!stopped.Success)
                    {
                        return CommandResults.Failure($"{service.Resource.Name} did not stop: {stopped.Message}");
                    }

                    await notifications.WaitForResourceAsync(service.Resource.Name, KnownResourceStates.TerminalStates, ct);
                }

                await DropAsync((IResourceWithConnectionString)databases.Server.Resource, services.Select(s => s.Database), ct);
                foreach (var database in databases.LocalDatabases)
                {
                    await LocalDatabaseStates.ShowAsync(database, notifications, LocalDatabaseStates.NotCreated);
                }

                // As on a first start: each service once those it waits for are back, Personnel and Projects together.
                var back = new Dictionary<string, Task>();
                foreach (var (service, _) in services)
                {
                    var after = service.Resource.Annotations.OfType<WaitAnnotation>()
                        .Select(w => back.GetValueOrDefault(w.Resource.Name)).OfType<Task>().ToList();
                    back[service.Resource.Name] = StartAsync(service.Resource, after);
                }

                await Task.WhenAll(back.Values);

                // Each service created its database again as it started.
                foreach (var database in databases.LocalDatabases)
                {
                    await LocalDatabaseStates.ShowAsync(database, notifications, ct);
                }
            }
            catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested)
            {
                return CommandResults.Failure($"The services were not all back within {Patience.TotalMinutes} minutes; see their logs.");
            }
            catch (NotStartedException e)
            {
                return CommandResults.Failure(e.Message);
            }

            async Task StartAsync(IResource service, List<Task> after)
            {
                await Task.WhenAll(after);
                context.Logger.LogInformation("Starting {Service}, which loads its demo data", service.Name);
                var restartedAt = DateTime.UtcNow;
                var started = await commands.ExecuteCommandAsync(service, KnownResourceCommands.StartCommand, ct);
                if (!started.Success)
                {
                    throw new NotStartedException($"{service.Name} did not start: {started.Message}");
                }

                // Healthy by a check run since it started, not by the last one before it stopped.
                await notifications.WaitForResourceAsync(service.Name, e => e.Snapshot.State?.Text == KnownResourceStates.Running
                    && e.Snapshot.HealthReports.Length > 0
                    && e.Snapshot.HealthReports.All(r => r.Status == HealthStatus.Healthy && r.LastRunAt > restartedAt), ct);
            }

            return CommandResults.Success($"The demo data is loaded again in {string.Join(", ", services.Select(s => s.Database))}.");
        }, new CommandOptions
        {
            Description = "Stops the four services, deletes their databases and starts them again: each loads the demo data as on its first start.",
            ConfirmationMessage = "Everything recorded since the demo data was loaded will be deleted from the four databases. Load the demo data again?",
            IconName = "ArrowReset",
            UpdateState = context => context.ResourceSnapshot.State?.Text == KnownResourceStates.Running
                ? ResourceCommandState.Enabled
                : ResourceCommandState.Disabled,
        });
    }

    private static async Task DropAsync(IResourceWithConnectionString server, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(connectionString + ";Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        foreach (var name in names)
        {
            // A name of our own, quoted: never a caller's text.
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private sealed class NotStartedException(string message) : Exception(message);
}
