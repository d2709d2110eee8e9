using System.Globalization;
using MissionOps.Sites.V1;

namespace MissionOps.Liquidation.Forecast;

/// <summary>What the forecast says of each step of a critical path, in English and French, each writing days its own way.</summary>
public static class ForecastWords
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static Said NoSiteToHandOver => new("no site to hand over", "aucun site à remettre");

    public static Said LastSiteHandedOver(DateOnly? day) => new($"the last site handed over{On(day)}", $"le dernier site remis{Le(day)}");

    public static Said WasHandedOver(Named site, DateOnly day) => new($"{site.En} was handed over{On(day)}", $"{site.Fr} : remise{Le(day)}");

    public static Said CannotBeHandedOver(Named site) =>
        new($"{site.En} cannot be handed over before it is closed", $"{site.Fr} : pas de remise avant sa fermeture");

    public static Said HandedOverAtTheEarliest(Named site, DateOnly day) =>
        new($"{site.En} handed over{On(day)} at the earliest", $"{site.Fr} : remise{Le(day)} au plus tôt");

    public static Said WasClosed(Named site, DateOnly day) => new($"{site.En} was closed{On(day)}", $"{site.Fr} : fermeture{Le(day)}");

    public static Said PeopleWithoutMovement(Named site, int without, int remaining) => new(
        $"{without} of the {remaining} people at {site.En} have no movement out planned",
        $"{site.Fr} : {without} des {remaining} personnes présentes n'ont aucun mouvement de sortie prévu");

    public static Said StepNotRecorded(ClosureStepKind step, DateOnly day, bool planned) => new(
        $"{StepEn(step)}: not recorded yet, done{On(day)} {(planned ? "as planned" : "at the earliest")}",
        $"{StepFr(step)} : étape pas encore enregistrée, faite{Le(day)} {(planned ? "comme prévu" : "au plus tôt")}");

    public static Said ProjectOverdue(Named project, DateOnly planned) => new(
        $"{project.En} was to be handed over{On(planned)} and is not yet",
        $"{project.Fr} : remise prévue{Le(planned)}, pas encore faite");

    public static Said ProjectDue(Named project, DateOnly planned) =>
        new($"{project.En} is to be handed over{On(planned)}", $"{project.Fr} : remise prévue{Le(planned)}");

    public static Said ProjectUndated(Named project) =>
        new($"{project.En} has no planned handover date", $"{project.Fr} : aucune date de remise prévue");

    public static Said NothingHoldsOpen(Named site) => new($"nothing holds {site.En} open", $"{site.Fr} : rien n'empêche la fermeture");

    public static Said ClosureUnknown(Named site) =>
        new($"{site.En} cannot be closed until this is known", $"{site.Fr} : pas de fermeture tant que ce n'est pas connu");

    public static Said CanBeClosed(Named site, DateOnly day) =>
        new($"{site.En} can be closed{On(day)}", $"{site.Fr} : fermeture possible{Le(day)}");

    public static Said Held(DateOnly since, int people, DateOnly release) => new(
        $"held since {Day(since)}, carries {People(people)}; its earliest release is {Day(release)}",
        $"retenu depuis le {Jour(since)}, transporte {Personnes(people)} ; libéré le {Jour(release)} au plus tôt");

    public static Said Overdue(DateOnly planned, int people, DateOnly leaves) => new(
        $"planned for {Day(planned)} and not started, carries {People(people)}; leaves {Day(leaves)} at the earliest",
        $"prévu le {Jour(planned)} et pas encore parti, transporte {Personnes(people)} ; part le {Jour(leaves)} au plus tôt");

    public static Said Leaves(int people, DateOnly day) =>
        new($"carries {People(people)}, leaves{On(day)}", $"transporte {Personnes(people)}, part{Le(day)}");

    public static Said Disposed(Named asset, DateOnly day, bool afterApproval) => new(
        $"{asset.En} disposed of{On(day)}{(afterApproval ? ", after the board's approval" : string.Empty)}",
        $"{asset.Fr} : cession{Le(day)}{(afterApproval ? ", après l'approbation du comité" : string.Empty)}");

    private static string StepEn(ClosureStepKind step) => step switch
    {
        ClosureStepKind.ContingentEquipmentWithdrawn => "Contingent-owned equipment withdrawn",
        ClosureStepKind.UnEquipmentRemoved => "UN-owned equipment removed",
        ClosureStepKind.HazardousWasteRemoved => "Hazardous waste removed",
        ClosureStepKind.EnvironmentalCloseoutAssessment => "Environmental close-out assessment",
        ClosureStepKind.JointEnvironmentalInspection => "Joint environmental inspection",
        ClosureStepKind.ExplosiveHazardSurvey => "Explosive hazard survey",
        _ => step.ToString(),
    };

    private static string StepFr(ClosureStepKind step) => step switch
    {
        ClosureStepKind.ContingentEquipmentWithdrawn => "Matériel appartenant aux contingents retiré",
        ClosureStepKind.UnEquipmentRemoved => "Matériel appartenant à l'ONU enlevé",
        ClosureStepKind.HazardousWasteRemoved => "Déchets dangereux enlevés",
        ClosureStepKind.EnvironmentalCloseoutAssessment => "Évaluation environnementale de clôture",
        ClosureStepKind.JointEnvironmentalInspection => "Inspection environnementale conjointe",
        ClosureStepKind.ExplosiveHazardSurvey => "Relevé des risques d'explosifs",
        _ => step.ToString(),
    };

    private static string People(int count) => count == 1 ? "1 person" : $"{count} people";

    private static string Personnes(int count) => count == 1 ? "1 personne" : $"{count} personnes";

    private static string On(DateOnly? day) => day is { } d ? " on " + Day(d) : string.Empty;

    private static string Le(DateOnly? day) => day is { } d ? " le " + Jour(d) : string.Empty;

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Jour(DateOnly day) => day.ToString("d MMM yyyy", French);
}

/// <summary>A site, project or asset by its name in English and in French (the English one when it has no other).</summary>
public sealed record Named(string En, string Fr)
{
    public static Named Of(string en, string? fr) => new(en, string.IsNullOrEmpty(fr) ? en : fr);
}
