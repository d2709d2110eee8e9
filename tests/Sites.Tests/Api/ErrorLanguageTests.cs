using Google.Rpc;
using Grpc.Core;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>Errors in the caller's language: a LocalizedMessage in French or English, as the call's accept-language asks.</summary>
public sealed class ErrorLanguageTests(SitesApp app) : SitesApiTest(app)
{
    private static Metadata Asking(string languages) => new() { { "accept-language", languages } };

    private static LocalizedMessage? LocalizedIn(RpcException error) => error.GetRpcStatus()?.GetDetail<LocalizedMessage>();

    [Theory]
    [InlineData(null, "en")]
    [InlineData("fr", "fr")]
    [InlineData("fr-ML, en;q=0.8", "fr")]
    [InlineData("en-GB,en;q=0.9,fr;q=0.8", "en")]
    [InlineData("de-DE, fr;q=0.5, en;q=0.3", "fr")]
    [InlineData("bm", "en")]
    [InlineData("fr;q=0.2, en;q=0.9", "en")]
    [InlineData("not a language list;;", "en")]
    public void The_language_is_the_callers_first_choice_the_services_speak(string? acceptLanguage, string expected) =>
        Assert.Equal(expected, ErrorLanguage.Of(acceptLanguage).Name);

    [Fact]
    public async Task A_site_that_does_not_exist_is_told_in_French_to_a_French_caller_and_in_English_to_others()
    {
        var request = new GetSiteRequest { Name = "missions/minusma/sites/nowhere" };

        var french = await RpcAssert.Fails(StatusCode.NotFound, () => Client.GetSiteAsync(request, Asking("fr-ML, fr;q=0.9")).ResponseAsync);
        var english = await RpcAssert.Fails(StatusCode.NotFound, () => Client.GetSiteAsync(request).ResponseAsync);

        Assert.Equal(("fr", "La ressource nommée n'existe pas. Vérifiez le nom, ou créez-la d'abord."), (LocalizedIn(french)?.Locale, LocalizedIn(french)?.Message));
        Assert.Equal(("en", "The resource named does not exist. Check the name, or create it first."), (LocalizedIn(english)?.Locale, LocalizedIn(english)?.Message));
        Assert.Equal(english.Status.Detail, french.Status.Detail);
    }

    [Fact]
    public async Task Bad_input_names_its_fields_in_the_callers_language_and_a_refusal_is_localized_too()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var request = CreateSite("sevare");
        request.Site.DisplayName.Fr = string.Empty;

        var bad = await RpcAssert.Fails(StatusCode.InvalidArgument, () => Client.CreateSiteAsync(request, Asking("fr")).ResponseAsync);
        var mopti = await Client.CreateSiteAsync(CreateSite("mopti"));
        var unplanned = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Client.RecordClosureStepAsync(new RecordClosureStepRequest
        {
            Name = mopti.Name,
            RequestId = NewId(),
            Step = new ClosureStep { Kind = ClosureStepKind.UnEquipmentRemoved, CompletedDate = Day(2023, 11, 20), PerformedBy = "Mission Support" },
        }, Asking("fr")).ResponseAsync);

        Assert.Equal("Des champs de la requête ne sont pas valides. Corrigez-les et renvoyez-la avec le même identifiant de requête : rien n'a été enregistré. " +
            "Champs : site.display_name.fr.", LocalizedIn(bad)?.Message);
        Assert.Equal(("CLOSURE_NOT_PLANNED", "La fermeture du site n'est pas planifiée. Planifiez-la d'abord dans une phase de retrait."),
            (RpcAssert.Reason(unplanned), LocalizedIn(unplanned)?.Message));
    }

    [Fact]
    public async Task A_call_without_a_token_is_refused_in_the_callers_language()
    {
        var anonymous = new SitesService.SitesServiceClient(App.Service.ChannelWith(token: null));

        var refused = await RpcAssert.Fails(StatusCode.Unauthenticated,
            () => anonymous.GetSiteAsync(new GetSiteRequest { Name = "missions/minusma/sites/sevare" }, Asking("fr")).ResponseAsync);

        Assert.Equal("Un jeton d'accès valide pour ce service est requis.", LocalizedIn(refused)?.Message);
    }
}
