using System.Text.RegularExpressions;
using k8s.Models;
using MissionOps.ServiceDefaults;

namespace MissionOps.Deployment.Tests.Kubernetes;

/// <summary>Each overlay of deploy/kubernetes, rendered and loaded strictly, then checked for what a cluster relies on.</summary>
public sealed partial class ManifestTests
{
    private const string Board = "board";
    private const string IngressController = "ingress controller";
    private const int UnprivilegedUser = 1654;

    /// <summary>Who calls whom, as MissionOps.AppHost wires them (its WithReference calls), and the board, which calls all four.</summary>
    private static readonly Dictionary<string, string[]> Callers = new()
    {
        [ServiceNames.Sites] = [ServiceNames.Personnel, ServiceNames.Projects, ServiceNames.Liquidation, Board],
        [ServiceNames.Personnel] = [ServiceNames.Sites, ServiceNames.Liquidation, Board],
        [ServiceNames.Projects] = [ServiceNames.Sites, ServiceNames.Liquidation, Board],
        [ServiceNames.Liquidation] = [Board],
    };

    public static TheoryData<string> Overlays => new(RenderedManifests.Overlays);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_object_loads_into_its_typed_model_and_the_whole_system_is_there(string overlay)
    {
        var manifests = RenderedManifests.Of(overlay);

        Assert.Equal(ServiceNames.All.Append(Board).Append("otel-collector").Order(), manifests.All<V1Deployment>().Select(d => d.Metadata.Name).Order());
        Assert.Equal(ServiceNames.All.Select(s => $"{s}-db").Order(), manifests.All<CloudNativePgCluster>().Select(c => c.Metadata.Name).Order());
        Assert.Equal(ServiceNames.All.Select(s => $"{s}-migrate").Order(), manifests.All<V1Job>().Select(j => j.Metadata.Name).Order());
        Assert.All(manifests.Objects.Cast<k8s.IKubernetesObject<V1ObjectMeta>>(), o =>
            Assert.Equal(overlay == "production" ? "missionops" : "missionops-dev", o.Metadata.NamespaceProperty));
    }

    [Fact]
    public void A_field_no_model_knows_or_a_kind_no_one_serves_is_refused()
    {
        const string typo = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: sites\nspec:\n  replica: 2\n";
        const string unknownKind = "apiVersion: example.org/v1\nkind: Gadget\nmetadata:\n  name: sites\n";
        const string clusterTypo = "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: sites-db\nspec:\n  instance: 3\n";

        Assert.ThrowsAny<Exception>(() => RenderedManifests.Load(typo));
        Assert.ThrowsAny<Exception>(() => RenderedManifests.Load(unknownKind));
        Assert.ThrowsAny<Exception>(() => RenderedManifests.Load(clusterTypo));
        Assert.IsType<V1Deployment>(Assert.Single(RenderedManifests.Load(typo.Replace("replica:", "replicas:", StringComparison.Ordinal))));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_workload_runs_two_replicas_at_least_keeps_one_through_a_drain_and_scales_under_load(string overlay)
    {
        var manifests = RenderedManifests.Of(overlay);
        foreach (var deployment in manifests.All<V1Deployment>())
        {
            var name = deployment.Metadata.Name;
            Assert.True(deployment.Spec.Replicas >= 2, $"{overlay}: {name} runs {deployment.Spec.Replicas} replicas");
            Assert.True(deployment.Spec.Selector.Selects(deployment.Spec.Template.Metadata.Labels), $"{name}'s selector misses its own pods");

            var budget = Assert.Single(manifests.All<V1PodDisruptionBudget>(), b => b.Spec.Selector.Selects(deployment.Spec.Template.Metadata.Labels));
            Assert.InRange(budget.Spec.MinAvailable?.Value is { } min ? int.Parse(min, System.Globalization.CultureInfo.InvariantCulture) : -1, 1, deployment.Spec.Replicas!.Value - 1);

            if (name != "otel-collector")
            {
                Assert.Equal("0", deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);
                var scaler = Assert.Single(manifests.All<V2HorizontalPodAutoscaler>(), h => h.Spec.ScaleTargetRef.Name == name);
                Assert.Equal("Deployment", scaler.Spec.ScaleTargetRef.Kind);
                Assert.True(scaler.Spec.MinReplicas >= 2 && scaler.Spec.MaxReplicas > scaler.Spec.MinReplicas, $"{overlay}: {name} scales {scaler.Spec.MinReplicas}..{scaler.Spec.MaxReplicas}");
            }
        }

        var databases = manifests.All<CloudNativePgCluster>().ToList();
        Assert.All(databases, c => Assert.Equal(overlay == "production" ? 3 : 1, c.Spec.Instances));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void A_service_is_live_while_its_process_answers_and_ready_while_its_database_does_both_asked_over_gRPC(string overlay)
    {
        var manifests = RenderedManifests.Of(overlay);
        foreach (var service in ServiceNames.All)
        {
            var container = Assert.Single(manifests.Named<V1Deployment>(service).Spec.Template.Spec.Containers);
            var grpcPort = Assert.Single(container.Ports, p => p.Name == "grpc").ContainerPort;
            foreach (var probe in new[] { container.StartupProbe, container.LivenessProbe })
            {
                Assert.Equal(grpcPort, probe.Grpc.Port);
                Assert.Equal(Extensions.LivenessHealthService, probe.Grpc.Service);
            }

            Assert.Equal(grpcPort, container.ReadinessProbe.Grpc.Port);
            Assert.True(string.IsNullOrEmpty(container.ReadinessProbe.Grpc.Service), "readiness asks the service's overall health, which includes its database");
            // Long enough to wait for the migration job before the first rollout of a new schema.
            Assert.True(container.StartupProbe.PeriodSeconds * container.StartupProbe.FailureThreshold >= 300);
        }

        var board = Assert.Single(manifests.Named<V1Deployment>(Board).Spec.Template.Spec.Containers);
        Assert.Equal("/alive", board.LivenessProbe.HttpGet.Path);
        Assert.Equal("/health", board.ReadinessProbe.HttpGet.Path);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_container_has_requests_and_limits_and_runs_unprivileged_on_a_read_only_root(string overlay)
    {
        foreach (var (workload, pod) in RenderedManifests.Of(overlay).PodSpecs())
        {
            Assert.True(pod.SecurityContext.RunAsNonRoot, $"{workload} may run as root");
            Assert.True(pod.SecurityContext.RunAsUser > 0, $"{workload} names no unprivileged user");
            Assert.False(pod.AutomountServiceAccountToken ?? true, $"{workload} mounts a token for the Kubernetes API it never calls");
            foreach (var container in pod.Containers)
            {
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    Assert.True(container.Resources.Requests.TryGetValue(resource, out var request), $"{workload}: no {resource} request");
                    Assert.True(container.Resources.Limits.TryGetValue(resource, out var limit), $"{workload}: no {resource} limit");
                    Assert.True(request.ToDecimal() <= limit.ToDecimal(), $"{workload}: {resource} request {request} over its limit {limit}");
                }

                Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
                Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
                Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
                if (container.Image.Contains("missionops/", StringComparison.Ordinal))
                {
                    // The images' own user (ContainerUser in services/Directory.Build.targets), by number so that runAsNonRoot can be checked.
                    Assert.Equal(UnprivilegedUser, pod.SecurityContext.RunAsUser);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Only_the_expected_callers_reach_each_service_and_only_its_owner_reaches_its_database(string overlay)
    {
        var manifests = RenderedManifests.Of(overlay);
        var policies = manifests.All<V1NetworkPolicy>().ToList();
        var deployments = manifests.All<V1Deployment>().ToList();

        var denyAll = Assert.Single(policies, p => p.Spec.PodSelector.MatchLabels is null or { Count: 0 } && p.Spec.PodSelector.MatchExpressions is null or { Count: 0 });
        Assert.Equal(["Ingress"], denyAll.Spec.PolicyTypes);
        Assert.True(denyAll.Spec.Ingress is null or { Count: 0 });

        foreach (var (service, expected) in Callers.Append(new(Board, [])))
        {
            var pods = manifests.Named<V1Deployment>(service).Spec.Template.Metadata.Labels;
            var peers = policies.Where(p => p.Spec.PodSelector.Selects(pods)).SelectMany(p => p.Spec.Ingress ?? []).SelectMany(rule => rule.FromProperty).ToList();
            var allowed = peers.SelectMany(peer => peer.NamespaceSelector is { } namespaces
                    ? [namespaces.MatchLabels.ContainsKey("missionops.org/ingress") ? IngressController : $"namespace {namespaces}"]
                    : deployments.Where(d => peer.PodSelector.Selects(d.Spec.Template.Metadata.Labels)).Select(d => d.Metadata.Name))
                .ToHashSet();
            Assert.Equal(expected.Append(IngressController).Order(), allowed.Order());

            // The callers the policy lets in are exactly those given the service's address.
            var addressed = deployments.Where(d => d.Spec.Template.Spec.Containers.SelectMany(c => c.Env ?? []).Any(e => e.Name == $"services__{service}__grpc__0"))
                .Select(d => d.Metadata.Name);
            Assert.Equal(expected.Order(), addressed.Order());
        }

        foreach (var service in ServiceNames.All)
        {
            var database = new Dictionary<string, string> { ["cnpg.io/cluster"] = $"{service}-db" };
            var rules = policies.Where(p => p.Spec.PodSelector.Selects(database)).SelectMany(p => p.Spec.Ingress ?? []).ToList();
            var podPeers = rules.SelectMany(r => r.FromProperty).Where(peer => peer.NamespaceSelector is null).ToList();
            var workloads = manifests.All<V1Deployment>().Select(d => (d.Metadata.Name, d.Spec.Template.Metadata.Labels))
                .Concat(manifests.All<V1Job>().Select(j => (j.Metadata.Name, j.Spec.Template.Metadata.Labels)));
            Assert.Equal(new[] { service, $"{service}-migrate" }.Order(),
                workloads.Where(w => podPeers.Any(peer => peer.PodSelector.Selects(w.Labels))).Select(w => w.Name).Order());
            Assert.Contains(podPeers, peer => peer.PodSelector.Selects(database));
            Assert.All(rules.SelectMany(r => r.Ports), port => Assert.Contains(port.Port.Value, new[] { "5432", "8000" }));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void No_secret_is_written_in_the_manifests_every_one_comes_from_a_Secret(string overlay)
    {
        var manifests = RenderedManifests.Of(overlay);
        Assert.Empty(manifests.All<V1Secret>());
        Assert.All(manifests.All<V1ConfigMap>().SelectMany(c => c.Data), entry => Assert.DoesNotMatch(SecretWords(), entry.Key));

        foreach (var (workload, pod) in manifests.PodSpecs())
        {
            foreach (var variable in pod.Containers.SelectMany(c => c.Env ?? []))
            {
                if (SecretWords().IsMatch(variable.Name))
                {
                    Assert.True(variable.ValueFrom?.SecretKeyRef is not null, $"{workload}: {variable.Name} is not read from a Secret");
                }
                else if (variable.Value is { } value)
                {
                    Assert.DoesNotMatch(SecretWords(), value);
                }

                if (overlay == "production")
                {
                    Assert.NotEqual("Auth__SigningKey", variable.Name);
                    Assert.False(variable.ValueFrom?.SecretKeyRef?.Optional ?? variable.ValueFrom?.ConfigMapKeyRef?.Optional ?? false,
                        $"{workload}: {variable.Name} may be missing in production");
                }
            }
        }

        var environments = manifests.All<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers).SelectMany(c => c.Env ?? [])
            .Where(e => e.Name == "ASPNETCORE_ENVIRONMENT").Select(e => e.Value).Distinct();
        Assert.Equal([overlay == "production" ? "Production" : "Staging"], environments);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_address_a_workload_is_given_is_a_Service_port_that_reaches_the_pods_behind_it(string overlay)
    {
        var manifests = RenderedManifests.Of(overlay);
        var services = manifests.All<V1Service>().ToList();
        var checkedAddresses = 0;
        foreach (var deployment in manifests.All<V1Deployment>())
        {
            foreach (var variable in deployment.Spec.Template.Spec.Containers.SelectMany(c => c.Env ?? []).Where(e => e.Value is not null))
            {
                if (AddressVariable().Match(variable.Name) is not { Success: true } && variable.Name != "OTEL_EXPORTER_OTLP_ENDPOINT")
                {
                    continue;
                }

                var address = new Uri(variable.Value);
                var service = Assert.Single(services, s => s.Metadata.Name == address.Host);
                var port = Assert.Single(service.Spec.Ports, p => p.Port == address.Port);
                var target = Assert.Single(manifests.All<V1Deployment>(), d => service.Spec.Selector.Selects(d.Spec.Template.Metadata.Labels));
                Assert.Contains(target.Spec.Template.Spec.Containers.SelectMany(c => c.Ports), p => p.Name == port.TargetPort.Value && p.ContainerPort == address.Port);
                if (AddressVariable().Match(variable.Name) is { Success: true } named)
                {
                    Assert.Equal(named.Groups["service"].Value, target.Metadata.Name);
                    Assert.Equal("grpc", port.Name);
                }

                checkedAddresses++;
            }
        }

        // Personnel, Projects: Sites; Sites: two; Liquidation: three; the board: four; and each one's collector.
        Assert.Equal(1 + 1 + 2 + 3 + 4 + 5, checkedAddresses);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Each_service_is_migrated_by_a_job_of_its_own_image_on_its_own_database_before_its_replicas_need_it(string overlay)
    {
        var manifests = RenderedManifests.Of(overlay);
        foreach (var service in ServiceNames.All)
        {
            var container = Assert.Single(manifests.Named<V1Deployment>(service).Spec.Template.Spec.Containers);
            var migration = Assert.Single(manifests.Named<V1Job>($"{service}-migrate").Spec.Template.Spec.Containers);
            Assert.Equal(container.Image, migration.Image);
            Assert.Equal(["migrate"], migration.Args);
            Assert.Equal("false", Variable(container, "Database__MigrateOnStart").Value);

            var connection = Variable(container, $"ConnectionStrings__{service}db");
            Assert.Equal(connection.Value, Variable(migration, $"ConnectionStrings__{service}db").Value);
            var settings = new Npgsql.NpgsqlConnectionStringBuilder(connection.Value);
            var cluster = manifests.Named<CloudNativePgCluster>($"{service}-db");
            Assert.Equal($"{cluster.Metadata.Name}-rw", settings.Host);
            Assert.Equal(cluster.Spec.Bootstrap!.Initdb!.Database, settings.Database);
            Assert.Equal(Npgsql.SslMode.VerifyFull, settings.SslMode);
            Assert.True(string.IsNullOrEmpty(settings.Password) && string.IsNullOrEmpty(settings.Username), "credentials ride in the connection string");
            foreach (var credential in new[] { "PGUSER", "PGPASSWORD" })
            {
                Assert.Equal($"{cluster.Metadata.Name}-app", Variable(container, credential).ValueFrom.SecretKeyRef.Name);
                Assert.Equal($"{cluster.Metadata.Name}-app", Variable(migration, credential).ValueFrom.SecretKeyRef.Name);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Images_are_the_projects_own_with_a_fixed_tag_and_from_the_registry_in_production(string overlay)
    {
        var manifests = RenderedManifests.Of(overlay);
        foreach (var (workload, pod) in manifests.PodSpecs())
        {
            foreach (var container in pod.Containers)
            {
                var (repository, tag) = (container.Image[..container.Image.LastIndexOf(':')], container.Image[(container.Image.LastIndexOf(':') + 1)..]);
                Assert.NotEqual("latest", tag);
                if (!repository.Contains("missionops/", StringComparison.Ordinal))
                {
                    continue;
                }

                Assert.Equal(overlay == "production" ? "registry.example.org/" : string.Empty, repository[..repository.IndexOf("missionops/", StringComparison.Ordinal)]);
                Assert.Equal(overlay == "production" ? "1.0.0" : "dev", tag);
                Assert.Contains(repository[(repository.IndexOf('/', repository.IndexOf("missionops/", StringComparison.Ordinal)) + 1)..],
                    workload, StringComparison.Ordinal);
            }
        }
    }

    private static V1EnvVar Variable(V1Container container, string name) =>
        Assert.Single(container.Env, e => e.Name == name);

    [GeneratedRegex("(password|secret|signingkey|token|authorization)$|password=", RegexOptions.IgnoreCase)]
    private static partial Regex SecretWords();

    [GeneratedRegex("^services__(?<service>[a-z]+)__grpc__0$")]
    private static partial Regex AddressVariable();
}
