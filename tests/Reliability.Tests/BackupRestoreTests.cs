using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using MissionOps.Client;
using MissionOps.Liquidation.V1;
using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using Xunit.Abstractions;

namespace MissionOps.Reliability.Tests;

/// <summary>tools/backup: the four databases dumped while the services run, restored into a new cluster, answering as before.</summary>
public sealed class BackupRestoreTests(ITestOutputHelper output)
{
    private const string Minusma = "missions/minusma";

    /// <summary>The largest page the services give: the demo's 13,800 people and 15,389 movements in a few dozen pages.</summary>
    private const int MaxPage = 1_000;

    /// <summary>Answers as JSON, the events inside the feeds' Any included.</summary>
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithTypeRegistry(TypeRegistry.FromFiles(
        Sites.V1.EventsReflection.Descriptor, Personnel.V1.EventsReflection.Descriptor,
        Projects.V1.EventsReflection.Descriptor, Liquidation.V1.EventsReflection.Descriptor)));

    [Fact]
    public async Task A_backup_restored_into_a_new_cluster_answers_every_get_and_list_and_feed_as_before()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"missionops-backup-{Guid.NewGuid():N}");
        try
        {
            IReadOnlyList<string> before;
            await using (var original = PostgresServer.Start())
            {
                var clock = Stopwatch.StartNew();
                await using var mission = MissionOnServer.Start(original, withDemo: true);
                output.WriteLine($"the four services started with the MINUSMA demo in {clock.Elapsed.TotalSeconds:0.0} s");
                clock.Restart();
                before = await ReadEverythingAsync(mission.Client);
                output.WriteLine($"{before.Count:N0} answers read in {clock.Elapsed.TotalSeconds:0.0} s");
                Assert.True(before.Count > 100, $"only {before.Count} answers read");
                // While the services run, as an operator would; followers first (see backup.sh).
                var watch = Stopwatch.StartNew();
                var (_, said) = Script(original, "backup.sh", [folder, "liquidationdb", "projectsdb", "personneldb", "sitesdb"]);
                output.WriteLine($"backup of the MINUSMA demo in {watch.Elapsed.TotalSeconds:0.0} s:\n{said}");
            }

            Assert.Equal(MissionOnServer.Databases.Count, Directory.GetFiles(folder, "*.dump").Length);
            await using var fresh = PostgresServer.Start();
            var restoring = Stopwatch.StartNew();
            Script(fresh, "restore.sh", [folder]);
            output.WriteLine($"restored into a new cluster in {restoring.Elapsed.TotalSeconds:0.0} s");
            await using var restored = MissionOnServer.Start(fresh, withDemo: false);
            var after = await ReadEverythingAsync(restored.Client);

            Assert.Equal(before.Count, after.Count);
            for (var i = 0; i < before.Count; i++)
            {
                Assert.Equal(before[i], after[i]);
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_backup_whose_file_changed_is_not_restored()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"missionops-backup-{Guid.NewGuid():N}");
        try
        {
            await using var original = PostgresServer.Start();
            // What the database holds does not matter here, only that its dump no longer matches the manifest.
            Script(original, null, ["-c", "create database sitesdb", "-d", "postgres"]);
            Script(original, "backup.sh", [folder, "sitesdb"]);

            await File.AppendAllTextAsync(Path.Combine(folder, "sitesdb.dump"), "tampered");
            await using var fresh = PostgresServer.Start();
            var (exit, output) = Script(fresh, "restore.sh", [folder], mayFail: true);

            Assert.NotEqual(0, exit);
            Assert.Contains("does not match its manifest", output, StringComparison.Ordinal);
            Assert.Equal("0", Script(fresh, null, ["-Atc", "select count(*) from pg_database where datname = 'sitesdb'", "-d", "postgres"]).Output.Trim());
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Every answer a partner could read back, each as its JSON: the mission's records, aggregates and feeds.</summary>
    private static async Task<IReadOnlyList<string>> ReadEverythingAsync(MissionOpsClient client)
    {
        var answers = new List<IMessage>();
        answers.Add(await client.Sites.GetMissionAsync(new GetMissionRequest { Name = Minusma }));
        answers.AddRange(await Pages.All(new ListRegionsRequest { Parent = Minusma, PageSize = MaxPage }, client.Sites.ListRegionsAsync, p => p.Regions).ToListAsync());
        answers.AddRange(await Pages.All(new ListDrawdownPhasesRequest { Parent = Minusma, PageSize = MaxPage }, client.Sites.ListDrawdownPhasesAsync, p => p.DrawdownPhases).ToListAsync());
        var sites = await Pages.All(new ListSitesRequest { Parent = Minusma, PageSize = MaxPage }, client.Sites.ListSitesAsync, p => p.Sites).ToListAsync();
        answers.AddRange(sites);
        foreach (var site in sites)
        {
            answers.Add(await client.Sites.GetSiteAsync(new GetSiteRequest { Name = site.Name }));
        }

        answers.Add(await client.Sites.GetDrawdownTimelineAsync(new GetDrawdownTimelineRequest { Mission = Minusma }));
        answers.AddRange(await Pages.All(new Personnel.V1.ListPersonnelRequest { Parent = Minusma, PageSize = MaxPage }, client.Personnel.ListPersonnelAsync, p => p.Personnel).ToListAsync());
        answers.AddRange(await Pages.All(new ListMovementsRequest { Parent = Minusma, PageSize = MaxPage }, client.Personnel.ListMovementsAsync, p => p.Movements).ToListAsync());
        answers.AddRange(await Pages.All(new ListDrawdownTargetsRequest { Parent = Minusma, PageSize = MaxPage }, client.Personnel.ListDrawdownTargetsAsync, p => p.DrawdownTargets).ToListAsync());
        answers.Add(await client.Personnel.GetHeadcountAsync(new GetHeadcountRequest { Parent = Minusma, AsOfDate = new Google.Type.Date { Year = 2023, Month = 12, Day = 9 } }));
        answers.Add(await client.Personnel.GetBurnDownAsync(new GetBurnDownRequest { Parent = Minusma }));
        var projects = await Pages.All(new ListProjectsRequest { Parent = Minusma, PageSize = MaxPage }, client.Projects.ListProjectsAsync, p => p.Projects).ToListAsync();
        answers.AddRange(projects);
        foreach (var project in projects)
        {
            answers.Add(await client.Projects.GetProjectAsync(new GetProjectRequest { Name = project.Name }));
        }

        answers.AddRange(await Pages.All(new ListAssetsRequest { Parent = Minusma, PageSize = MaxPage }, client.Liquidation.ListAssetsAsync, p => p.Assets).ToListAsync());
        answers.AddRange(await Pages.All(new ListDisposalCasesRequest { Parent = Minusma, PageSize = MaxPage }, client.Liquidation.ListDisposalCasesAsync, p => p.DisposalCases).ToListAsync());
        answers.AddRange(await Pages.All(new ListLiabilitiesRequest { Parent = Minusma, PageSize = MaxPage }, client.Liquidation.ListLiabilitiesAsync, p => p.Liabilities).ToListAsync());
        answers.AddRange(await Pages.All(new ListArchiveRecordsRequest { Parent = Minusma, PageSize = MaxPage }, client.Liquidation.ListArchiveRecordsAsync, p => p.ArchiveRecords).ToListAsync());
        answers.Add(await client.Liquidation.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = Minusma }));
        answers.AddRange(await FeedAsync(token => client.Sites.WatchEvents(new Sites.V1.WatchEventsRequest { Parent = Minusma }, cancellationToken: token)));
        // A site's outlook is a finding Liquidation makes on its own, a moment after it has read the other services' feeds: whether a
        // first read comes before or after it is a matter of timing, not of the backup (its table is dumped with the rest).
        var liquidationEvents = Liquidation.V1.EventsReflection.Descriptor.MessageTypes.Select(m => m.FullName)
            .Where(type => !type.Contains(".SiteOutlook", StringComparison.Ordinal));
        answers.AddRange(await FeedAsync(token => client.Liquidation.WatchEvents(new Liquidation.V1.WatchEventsRequest
        {
            Parent = Minusma, EventTypes = { liquidationEvents },
        }, cancellationToken: token)));
        return [.. answers.Select(a => Json.Format(WithoutEtag(a)))];
    }

    /// <summary>
    /// The answer without its etag: an etag is the row's version in PostgreSQL (xmin), which a restore writes anew, so a
    /// change sent with an etag read before the restore is refused with ABORTED and read again, as after any change.
    /// </summary>
    private static IMessage WithoutEtag(IMessage answer)
    {
        var copy = answer.Descriptor.Parser.ParseFrom(answer.ToByteString());
        ClearEtags(copy);
        return copy;
    }

    private static void ClearEtags(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.Name == "etag")
            {
                field.Accessor.Clear(message);
            }
            else if (field.FieldType == FieldType.Message && !field.IsMap)
            {
                var value = field.Accessor.GetValue(message);
                foreach (var inner in field.IsRepeated ? ((System.Collections.IList)value).Cast<IMessage>() : value is IMessage one ? [one] : [])
                {
                    ClearEtags(inner);
                }
            }
        }
    }

    /// <summary>A feed's events as far as it goes now: read until it has been quiet for a second.</summary>
    private static async Task<List<Common.V1.ChangeEvent>> FeedAsync(Func<CancellationToken, Grpc.Core.AsyncServerStreamingCall<Common.V1.ChangeEvent>> watch)
    {
        var events = new List<Common.V1.ChangeEvent>();
        using var stop = new CancellationTokenSource();
        using var call = watch(stop.Token);
        try
        {
            while (true)
            {
                stop.CancelAfter(TimeSpan.FromSeconds(1));
                if (!await call.ResponseStream.MoveNext(stop.Token))
                {
                    break;
                }

                events.Add(call.ResponseStream.Current);
            }
        }
        catch (Exception e) when (e is OperationCanceledException || e is Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.Cancelled })
        {
        }

        Assert.NotEmpty(events);
        return events;
    }

    /// <summary>Runs tools/backup/NAME (or psql, for null) against a test server as an operator would, by libpq's environment.</summary>
    private static (int Exit, string Output) Script(PostgresServer server, string? name, string[] arguments, bool mayFail = false)
    {
        var start = new ProcessStartInfo(name is null ? "psql" : Path.Combine(Repository.Root, "tools", "backup", name))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PGHOST"] = "127.0.0.1", ["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["PGUSER"] = "postgres" },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var ran = CommandRun.Run(start, TimeSpan.FromMinutes(5));
        Assert.True(mayFail || ran.ExitCode == 0, $"{name ?? "psql"} failed ({ran.ExitCode}): {ran.All}");
        return (ran.ExitCode, ran.All);
    }
}
