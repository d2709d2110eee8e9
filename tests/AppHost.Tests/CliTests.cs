using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Grpc.Core;
using MissionOps.Common.V1;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using MissionOps.Testing.Authority;
using static MissionOps.AppHost.Tests.Values;

namespace MissionOps.AppHost.Tests;

/// <summary>The <c>missionops</c> tool run as a process, as a person at a terminal or a script would, against the running system.</summary>
[Collection(SystemCollection.Name)]
public sealed class CliTests(MissionOpsSystem system)
{
    private const string Mission = "missions/cli";

    [Fact]
    public async Task Sites_are_listed_as_json_lines_for_scripts()
    {
        var (exit, output) = await RunAsync(Token("viewer", "minusma"), "sites", "list", "--mission", "minusma", "--output", "json");

        Assert.True(exit == 0, output);
        var names = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("name").GetString()).ToList();
        Assert.Contains("missions/minusma/sites/sevare", names);
        Assert.All(names, n => Assert.StartsWith("missions/minusma/sites/", n));
    }

    [Fact]
    public async Task A_site_is_shown_and_one_that_does_not_exist_is_refused_in_French()
    {
        var viewer = Token("viewer", "minusma");

        var (shown, sevare) = await RunAsync(viewer, "sites", "show", "missions/minusma/sites/sevare", "--lang", "en");
        var (asJson, json) = await RunAsync(viewer, "sites", "show", "missions/minusma/sites/sevare", "--json");
        var (missing, why) = await RunAsync(viewer, "sites", "show", "missions/minusma/sites/nowhere", "--lang", "fr");

        Assert.True(shown == 0, sevare);
        Assert.Contains("HandedOver", sevare);
        Assert.Contains("2023-12-08", sevare);
        Assert.True(asJson == 0, json);
        Assert.Equal("SITE_STATE_HANDED_OVER", JsonDocument.Parse(json).RootElement.GetProperty("state").GetString());
        Assert.Equal(1, missing);
        Assert.Contains("La ressource nommée n'existe pas", why);
    }

    [Fact]
    public async Task A_50000_row_manifest_is_imported_with_progress_and_a_bad_one_is_refused_with_its_rows_and_stores_nothing()
    {
        var people = await MissionWithPeopleAsync(5);
        var rows = new StringBuilder("index_number,kind,mode,origin_site,destination_site,planned_date,arrival_date\n");
        // Each person shuttles between the two camps, a trip a day for 10,000 days: every row leaves from where the last one arrived.
        foreach (var person in people)
        {
            for (var trip = 0; trip < 10_000; trip++)
            {
                var (from, to) = trip % 2 == 0 ? ("camp-a", "camp-b") : ("camp-b", "camp-a");
                rows.Append(Row(person, "transfer", "road_convoy", from, to, new DateOnly(2023, 2, 1).AddDays(trip)));
            }
        }

        var big = await WriteAsync(rows.ToString());
        var bad = await WriteAsync("index_number,kind,mode,origin_site,destination_site,planned_date,arrival_date\n" +
            Row(people[0], "transfer", "road_convoy", "camp-a", "camp-b", new DateOnly(2023, 1, 20)) +
            Row("CLI-NOBODY", "transfer", "road_convoy", "camp-a", "camp-b", new DateOnly(2023, 1, 21)) +
            $"{people[1]},transfer,road_convoy,camp-a,camp-b,2023-13-40,\n");
        var planner = Token("planner", "cli");

        var (imported, progress) = await RunAsync(planner, "manifest", "import", big, "--mission", "cli", "--manifest-id", "big", "--lang", "en");
        var (refused, table) = await RunAsync(planner, "manifest", "import", bad, "--mission", "cli", "--manifest-id", "bad", "--lang", "fr");

        Assert.True(imported == 0, progress);
        Assert.Contains("sent 50,000/50,000 rows", progress);
        Assert.True(progress.Split('\n').Count(l => l.StartsWith("sent ", StringComparison.Ordinal)) >= 5, progress);
        Assert.Contains("big: 50,000 movements stored", progress);
        Assert.True(refused == 1, table);
        Assert.Matches(@"[│|]\s*3\s+[│|]\s*index_number\s+[│|]", table);
        Assert.Matches(@"[│|]\s*4\s+[│|]\s*planned_date\s+[│|]", table);
        Assert.Contains("Des champs de la requête ne sont pas valides", table);
        var personnel = new PersonnelService.PersonnelServiceClient(system.Channel("personnel"));
        var stored = await Assert.ThrowsAsync<RpcException>(() => personnel.GetMovementAsync(new GetMovementRequest { Name = $"{Mission}/movements/bad-000000" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task Readiness_headcount_and_a_feed_read_from_the_terminal()
    {
        var viewer = Token("viewer", "minusma");

        var (readiness, verdict) = await RunAsync(viewer, "readiness", "--mission", "minusma", "--lang", "en");
        var (headcount, counted) = await RunAsync(viewer, "headcount", "--mission", "minusma", "--as-of", "2023-12-08", "--lang", "fr");
        var (watched, events) = await RunAsync(viewer, "events", "watch", "--service", "sites", "--mission", "minusma", "--limit", "5");

        Assert.True(readiness == 4, verdict);
        Assert.Contains("Not ready", verdict);
        Assert.Contains("Sites not handed over", verdict);
        Assert.True(headcount == 0, counted);
        Assert.Contains("missions/minusma/sites/", counted);
        Assert.Contains("Total", counted);
        Assert.True(watched == 0, events);
        var lines = events.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.All(lines, line => Assert.Matches(@"^\d+\tmissionops\.sites\.v1\.\w+\tmissions/minusma", line));
    }

    [Fact]
    public async Task Help_is_given_in_the_language_asked()
    {
        var (french, aide) = await RunAsync(null, "manifest", "import", "--help", "--lang", "fr");
        var (english, help) = await RunAsync(null, "manifest", "import", "--help", "--lang", "en");

        Assert.Equal((0, 0), (french, english));
        Assert.Contains("Importer un manifeste de mouvements depuis un fichier CSV", aide);
        Assert.Contains("Import a movement manifest from a CSV file", help);
    }

    [Fact]
    public async Task Exports_are_written_to_files()
    {
        var viewer = Token("viewer", "minusma");
        var hxl = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.csv");
        var iati = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.xml");

        var (hxlExit, hxlOutput) = await RunAsync(viewer, "export", "hxl-sites", "--mission", "minusma", "--as-of", "2023-12-09", "--out", hxl);
        var (iatiExit, iatiOutput) = await RunAsync(viewer, "export", "iati", "--mission", "minusma", "--out", iati);

        Assert.True(hxlExit == 0, hxlOutput);
        Assert.Contains("#", File.ReadLines(hxl).Skip(1).First());
        Assert.True(iatiExit == 0, iatiOutput);
        Assert.Equal("iati-activities", System.Xml.Linq.XDocument.Load(iati).Root?.Name.LocalName);
    }

    [Fact]
    public async Task A_development_token_is_made_with_the_systems_key_and_a_misspelt_role_is_refused()
    {
        var environment = new Dictionary<string, string> { ["MISSIONOPS_SIGNING_KEY"] = (await File.ReadAllTextAsync(system.SigningKeyFile)).Trim() };

        var (made, token) = await RunAsync(null, environment, "token", "--role", "viewer", "--mission", "minusma", "--service", "sites");
        var (misspelt, why) = await RunAsync(null, environment, "token", "--role", "veiwer", "--mission", "minusma");
        var (listed, _) = await RunAsync(token.Trim(), "sites", "list", "--mission", "minusma");

        Assert.True(made == 0, token);
        Assert.Equal(3, token.Trim().Split('.').Length);
        Assert.Equal(0, listed);
        Assert.Equal(2, misspelt);
        Assert.Contains("veiwer", why);
    }

    [Fact]
    public async Task A_login_keeps_a_token_for_the_commands_that_follow_until_logout()
    {
        var environment = new Dictionary<string, string>
        {
            ["MISSIONOPS_SIGNING_KEY"] = (await File.ReadAllTextAsync(system.SigningKeyFile)).Trim(),
            ["MISSIONOPS_CONFIG"] = Path.Combine(Path.GetTempPath(), $"missionops-config-{Guid.NewGuid():N}"),
        };

        var (loggedIn, kept) = await RunAsync(null, environment, "login", "--role", "viewer", "--mission", "minusma");
        var (listed, sites) = await RunAsync(null, environment, "sites", "list", "--mission", "minusma", "--output", "json");
        var (loggedOut, _) = await RunAsync(null, environment, "logout");
        var (refused, why) = await RunAsync(null, environment, "sites", "list", "--mission", "minusma");

        Assert.True(loggedIn == 0, kept);
        Assert.True(listed == 0, sites);
        Assert.Contains("missions/minusma/sites/sevare", sites);
        Assert.Equal(0, loggedOut);
        Assert.Equal(2, refused);
        Assert.Contains("missionops login", why);
    }

    [Fact]
    public async Task A_login_at_the_authority_keeps_the_client_for_its_owner_alone_and_a_wrong_secret_is_refused()
    {
        await using var postgres = PostgresServer.Start();
        var partner = new AuthorityClient("partner-tool", Guid.NewGuid().ToString("N"), ["minusma:viewer"]);
        await using var authority = await OpenIdAuthority.StartAsync(postgres, partner);
        var config = Path.Combine(Path.GetTempPath(), $"missionops-config-{Guid.NewGuid():N}");
        var environment = new Dictionary<string, string> { ["MISSIONOPS_CONFIG"] = config, ["MISSIONOPS_CLIENT_SECRET"] = "not-the-secret" };
        string[] login = ["login", "--authority", authority.Address.ToString(), "--client-id", partner.ClientId];

        var (refused, why) = await RunAsync(null, environment, login);
        environment["MISSIONOPS_CLIENT_SECRET"] = partner.Secret;
        var (loggedIn, said) = await RunAsync(null, environment, login);
        var (listed, _) = await RunAsync(null, environment, "sites", "list", "--mission", "minusma");

        Assert.Equal(1, refused);
        Assert.True(why.Contains("gave client partner-tool no token", StringComparison.Ordinal), why);
        Assert.True(loggedIn == 0, said);
        Assert.DoesNotContain(partner.Secret, said);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(config, "client.json")));
        }

        // The next command took its own token from the authority: the running system trusts only its development key, so it is refused.
        Assert.Equal(1, listed);
        Assert.Equal(2, authority.TokensIssued(partner.ClientId, TokenIssuer.AudienceOf("sites")));
    }

    private string Token(string role, string mission) =>
        system.Issuer.Issue($"cli-{role}", MissionOpsSystem.Services.Select(TokenIssuer.AudienceOf), [$"{mission}:{role}"], TimeSpan.FromMinutes(10));

    private static string Row(string indexNumber, string kind, string mode, string from, string to, DateOnly planned) =>
        $"{indexNumber},{kind},{mode},{from},{to},{planned:yyyy-MM-dd},\n";

    private static async Task<string> WriteAsync(string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv);
        return path;
    }

    /// <summary>A mission of its own with two camps and <paramref name="count"/> people at the first, assigned on 1 January 2023; their index numbers.</summary>
    private async Task<List<string>> MissionWithPeopleAsync(int count)
    {
        var sites = new SitesService.SitesServiceClient(system.Channel("sites"));
        var personnel = new PersonnelService.PersonnelServiceClient(system.Channel("personnel"));
        await sites.CreateMissionAsync(new CreateMissionRequest
        {
            MissionId = "cli", RequestId = Id(), Mission = new Mission { DisplayName = Text("CLI", "CLI"), HostCountryCode = "ML", MandateStartDate = Day(2013, 4, 25) },
        });
        await sites.CreateRegionAsync(new CreateRegionRequest
        {
            Parent = Mission,
            RequestId = Id(),
            Region = new Region
            {
                Pcode = "ML05", PcodeVersion = "2019", DisplayName = Text("Mopti", "Mopti"),
                Districts = { new District { Pcode = "ML0506", DisplayName = Text("Mopti", "Mopti") } },
            },
        });
        foreach (var camp in new[] { "camp-a", "camp-b" })
        {
            await sites.CreateSiteAsync(new CreateSiteRequest
            {
                Parent = Mission,
                SiteId = camp,
                RequestId = Id(),
                Site = new Site
                {
                    DisplayName = Text(camp, camp), Kind = SiteKind.Camp, OpeningDate = Day(2013, 7, 1),
                    Location = new SiteLocation { RegionPcode = "ML05", DistrictPcode = "ML0506", PcodeVersion = "2019", Locality = "Mopti" },
                },
            });
        }

        var indexNumbers = Enumerable.Range(1, count).Select(i => $"CLI-{i:D4}").ToList();
        foreach (var indexNumber in indexNumbers)
        {
            await personnel.CreatePersonAsync(new CreatePersonRequest
            {
                Parent = Mission,
                PersonId = indexNumber.ToLowerInvariant(),
                RequestId = Id(),
                Person = new Person
                {
                    IndexNumber = indexNumber, FullName = "Moussa Coulibaly", Component = Component.Civilian, Category = Category.InternationalCivilian,
                    CountryCode = "SN", AssignedSite = $"{Mission}/sites/camp-a", AssignmentDate = Day(2023, 1, 1),
                },
            });
        }

        return indexNumbers;
    }

    private Task<(int Exit, string Output)> RunAsync(string? token, params string[] arguments) => RunAsync(token, new Dictionary<string, string>(), arguments);

    /// <summary>Runs <c>missionops</c> with the services' addresses and the token in its environment; its exit code and everything it wrote.</summary>
    private async Task<(int Exit, string Output)> RunAsync(string? token, Dictionary<string, string> environment, params string[] arguments)
    {
        var tool = Path.Combine(Repository.Root, "tools", "MissionOps.Cli", Repository.BuildOutput, "missionops.dll");
        var start = new ProcessStartInfo("dotnet", [tool, .. arguments]);
        foreach (var service in MissionOpsSystem.Services)
        {
            start.Environment[$"MISSIONOPS_{service.ToUpperInvariant()}_URL"] = system.App.GetEndpoint(service, "grpc").ToString();
        }

        start.Environment["MISSIONOPS_TOKEN"] = token ?? string.Empty;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var ran = await CommandRun.RunAsync(start, TimeSpan.FromMinutes(5));
        return (ran.ExitCode, ran.All);
    }
}
