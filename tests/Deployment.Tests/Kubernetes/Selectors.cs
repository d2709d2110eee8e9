using k8s.Models;

namespace MissionOps.Deployment.Tests.Kubernetes;

/// <summary>Label selectors as Kubernetes evaluates them, to ask which pods a policy, a Service or a budget reaches.</summary>
public static class Selectors
{
    public static bool Selects(this V1LabelSelector? selector, IDictionary<string, string>? labels)
    {
        if (selector is null)
        {
            return false;
        }

        labels ??= new Dictionary<string, string>();
        return (selector.MatchLabels ?? new Dictionary<string, string>()).All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value)
            && (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
            {
                "In" => labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v),
                "NotIn" => !labels.TryGetValue(e.Key, out var v) || !e.Values.Contains(v),
                "Exists" => labels.ContainsKey(e.Key),
                "DoesNotExist" => !labels.ContainsKey(e.Key),
                _ => throw new InvalidOperationException($"Unknown selector operator {e.OperatorProperty}."),
            });
    }

    public static bool Selects(this IDictionary<string, string>? selector, IDictionary<string, string>? labels) =>
        selector is { Count: > 0 } && new V1LabelSelector { MatchLabels = selector }.Selects(labels);

    public static string AppName(this V1PodTemplateSpec template) => template.Metadata.Labels["app.kubernetes.io/name"];
}
