using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MissionOps.ServiceDefaults.Events;

/// <summary>
/// Wakes the service's event feeds when the outbox grows: a writer of events sends a PostgreSQL notification on
/// <see cref="Channel"/> in its transaction, delivered when it commits (and not at all if it rolls back), and this
/// listens for it on a connection of its own. Every replica listening on the database hears every replica's commits.
/// While the connection is down the feeds fall back to polling, and are woken once it is back.
/// </summary>
public sealed partial class OutboxSignal(string connectionString, IConfiguration configuration, ILogger<OutboxSignal> logger) : BackgroundService
{
    public const string Channel = "missionops_outbox";

    public const string SafetyPollSetting = "Feeds:SafetyPoll";

    private static readonly TimeSpan LongestBackOff = TimeSpan.FromSeconds(30);

    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private volatile bool listening;

    /// <summary>How long a feed that has caught up waits for a commit before it reads again anyway (<c>Feeds:SafetyPoll</c>, 10 s unless set).</summary>
    public TimeSpan SafetyPoll { get; } = configuration.GetValue(SafetyPollSetting, TimeSpan.FromSeconds(10));

    /// <summary>Whether commits are heard now; if not, a feed cannot wait for them and polls.</summary>
    public bool IsListening => listening;

    /// <summary>
    /// Completes at the first commit of events after it is read. A feed takes it before it reads the outbox, so a commit
    /// between its read and its wait still wakes it.
    /// </summary>
    public Task NextCommit => Volatile.Read(ref next).Task;

    /// <summary>The service's signal, for a feed served in a call.</summary>
    public static OutboxSignal Of(ServerCallContext context) => context.GetHttpContext().RequestServices.GetRequiredService<OutboxSignal>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backOff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ListenerConnectionString(connectionString));
                connection.Notification += (_, _) => Wake();
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                listening = true;
                backOff = TimeSpan.FromSeconds(1);
                // What committed while nobody listened is read now.
                Wake();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                listening = false;
                Wake();
                LogListenerLost(exception, backOff.TotalSeconds);
                try
                {
                    await Task.Delay(backOff, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backOff = TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, LongestBackOff.Ticks));
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        listening = false;
        Wake();
    }

    private void Wake() => Interlocked.Exchange(ref next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// A listening connection stays open and idle for the service's life: it does not belong in the pool, and a
    /// keepalive finds a dead one within half a minute instead of waiting for the next notification that never comes.
    /// </summary>
    private static string ListenerConnectionString(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        Pooling = false,
        KeepAlive = 15,
        ApplicationName = "missionops outbox listener",
    }.ConnectionString;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the outbox notifications; feeds poll until they are back, trying again in {Seconds} s")]
    private partial void LogListenerLost(Exception exception, double seconds);
}
