using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

public sealed class EventFeedTests(LiquidationApp app) : LiquidationApiTest(app)
{
    private static readonly TypeRegistry Events = TypeRegistry.FromFiles(EventsReflection.Descriptor);

    [Fact]
    public async Task A_type_the_service_does_not_raise_is_refused_naming_it()
    {
        var call = Client.WatchEvents(new WatchEventsRequest
        {
            Parent = Minusma, EventTypes = { DisposalCaseOpened.Descriptor.FullName, "missionops.liquidation.v1.DisposalCase" },
        });

        await RpcAssert.InvalidArgument(() => call.ResponseStream.MoveNext(CancellationToken.None), "event_types[1]");
    }

    [Fact]
    public async Task A_disposal_is_on_the_feed_as_typed_events_carrying_the_case_and_its_asset_as_they_became()
    {
        var feedBefore = await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), LiquidationService.Descriptor, Minusma);
        var after = feedBefore.LastOrDefault()?.Sequence ?? 0;
        var registered = await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 6_000_000));
        var opened = await Client.CreateDisposalCaseAsync(OpenDisposal("gen-1", DisposalGroup.Iv, DisposalMethod.CommercialSale));
        var approved = await Client.ApproveDisposalAsync(Approve("gen-1"));
        var disposed = await Client.RecordDisposalAsync(Record("gen-1", 5_500_000));
        var asset = await Client.GetAssetAsync(new GetAssetRequest { Name = registered.Name });

        var feed = await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), LiquidationService.Descriptor, Minusma, after);
        var cases = feed.Where(e => e.Resource == opened.Name).Select(e => e.Payload.Unpack(Events)).ToList();
        var assets = feed.Where(e => e.Resource == registered.Name).Select(e => e.Payload.Unpack(Events)).ToList();

        Assert.All(feed, e => Assert.Equal(e.Type, Any.GetTypeName(e.Payload.TypeUrl)));
        Assert.Equal<Google.Protobuf.IMessage>(
            [new DisposalCaseOpened { DisposalCase = opened }, new DisposalCaseApproved { DisposalCase = approved }, new DisposalCaseRecorded { DisposalCase = disposed }],
            cases);
        Assert.Equal([AssetCreated.Descriptor, AssetDisposalOpened.Descriptor, AssetDisposed.Descriptor], assets.Select(a => a.Descriptor));
        Assert.Equal(new AssetDisposed { Asset = asset }, assets[^1]);
        Assert.Equal(AssetState.DisposalOpen, ((AssetDisposalOpened)assets[1]).Asset.State);
    }
}
