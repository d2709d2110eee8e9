using System.CommandLine;
using MissionOps.Client;
using MissionOps.Common.V1;
using Grpc.Core;

namespace MissionOps.Cli.Commands;

/// <summary>
/// <c>missionops events watch --service sites --mission minusma --after 120</c>: a service's feed, live, one event a line
/// (sequence, type, resource), resuming by itself after a disconnection; <c>--limit</c> stops after that many.
/// </summary>
public static class EventsCommand
{
    public static Command Create()
    {
        var service = new Option<string>("--service") { Description = Texts.Say("Whose feed", "Le flux de quel service"), Required = true };
        service.AcceptOnlyFromAmong("sites", "personnel", "projects", "liquidation");
        var mission = new Option<string>("--mission") { Description = Texts.Say("Mission id, or - for every mission", "Identifiant de la mission, ou - pour toutes"), Required = true };
        var after = new Option<long>("--after") { Description = Texts.Say("The last sequence already handled (0: from the start)", "La dernière séquence déjà traitée (0 : depuis le début)") };
        var limit = new Option<int?>("--limit") { Description = Texts.Say("Stop after this many events", "S'arrêter après ce nombre d'événements") };
        var watch = new Command("watch", Texts.Say("Follow a service's events live", "Suivre en direct les événements d'un service")) { service, mission, after, limit };
        watch.SetAction((parse, ct) => Outcome.Run(async () =>
        {
            using var missionOps = Connection.Open(parse);
            var parent = $"missions/{parse.GetValue(mission)}";
            Func<long, CancellationToken, AsyncServerStreamingCall<ChangeEvent>> feed = parse.GetValue(service) switch
            {
                "sites" => (from, c) => missionOps.Sites.WatchEvents(new Sites.V1.WatchEventsRequest { Parent = parent, AfterSequence = from }, cancellationToken: c),
                "personnel" => (from, c) => missionOps.Personnel.WatchEvents(new Personnel.V1.WatchEventsRequest { Parent = parent, AfterSequence = from }, cancellationToken: c),
                "projects" => (from, c) => missionOps.Projects.WatchEvents(new Projects.V1.WatchEventsRequest { Parent = parent, AfterSequence = from }, cancellationToken: c),
                _ => (from, c) => missionOps.Liquidation.WatchEvents(new Liquidation.V1.WatchEventsRequest { Parent = parent, AfterSequence = from }, cancellationToken: c),
            };
            var left = parse.GetValue(limit) ?? int.MaxValue;
            await foreach (var change in Feeds.Follow(feed, parse.GetValue(after), ct))
            {
                Console.WriteLine($"{change.Sequence}\t{change.Type}\t{change.Resource}");
                if (--left == 0)
                {
                    break;
                }
            }

            return Outcome.Done;
        }));
        return new Command("events", Texts.Say("The services' event feeds", "Les flux d'événements des services")) { watch };
    }
}
