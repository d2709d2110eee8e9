using MissionOps.Common.V1;
using MissionOps.Client;

namespace MissionOps.ServiceDefaults.Errors;

/// <summary>
/// A rule a value breaks, as the domain says it: the rule (<c>CLOSURE_OUTSIDE_PHASE</c>), the attribute of the
/// aggregate it is about (<c>planned_closure_date</c>, or a path below it: <c>value.currency_code</c>) and the value.
/// </summary>
public sealed record RuleBreach(ErrorReason Rule, string Attribute, string Value, string Description);

/// <summary>
/// Bad input the domain refuses by one of its rules. It knows no request: the API layer answers it as
/// INVALID_ARGUMENT naming the request's field that carried the value (<see cref="Contracts.RequestFields"/>),
/// with the rule as the violation's reason.
/// </summary>
public sealed class RuleBreachException(RuleBreach breach) : Exception($"{breach.Attribute}: {breach.Description} ({breach.Rule.WireName()}: '{breach.Value}')")
{
    public RuleBreachException(ErrorReason rule, string attribute, object value, string description)
        : this(new RuleBreach(rule, attribute, Text(value), description))
    {
    }

    public RuleBreach Breach { get; } = breach;

    private static string Text(object value) => value switch
    {
        DateOnly day => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
