using MissionOps.Liquidation.Assets;
using CompensationForm = MissionOps.Liquidation.V1.CompensationForm;
using DisposalMethod = MissionOps.Liquidation.V1.DisposalMethod;

namespace MissionOps.Liquidation.Disposals;

/// <summary>
/// Financial Regulation 5.14 as written: installed assets go to the host government in return for
/// compensation in a form to be agreed, never as a gift; a donation needs a General Assembly
/// decision; a write-off needs a property survey board's reference. A record without its
/// authority is refused, naming the field that carries it.
/// </summary>
public static class FinancialRegulation514
{
    public static void CheckRecord(Asset asset, DisposalMethod method, DisposalRecord record)
    {
        Require(method == DisposalMethod.HandoverToHostGovernment, record.Compensation is not null, ErrorReason.CompensationTermsRequired,
            "record.compensation", $"{asset.Name} goes to the host government in return for compensation in a form to be agreed: record the terms and the agreement");
        Require(method == DisposalMethod.Donation, !string.IsNullOrEmpty(record.GeneralAssemblyDecision), ErrorReason.GeneralAssemblyDecisionRequired,
            "record.general_assembly_decision", $"{asset.Name} may be donated only as the General Assembly decided: give the resolution or decision (A/RES/...)");
        Require(method == DisposalMethod.WriteOff, !string.IsNullOrEmpty(record.PropertySurveyBoardReference), ErrorReason.PropertySurveyBoardReferenceRequired,
            "record.property_survey_board_reference", $"{asset.Name} is written off only on a property survey board's recommendation: give its reference");

        RefuseUnless(method == DisposalMethod.HandoverToHostGovernment || record.Compensation is null, "record.compensation",
            "compensation terms belong to a handover of installed assets to the host government");
        RefuseUnless(method == DisposalMethod.Donation || string.IsNullOrEmpty(record.GeneralAssemblyDecision), "record.general_assembly_decision",
            "a General Assembly decision authorises a donation only");
        RefuseUnless(method == DisposalMethod.WriteOff || string.IsNullOrEmpty(record.PropertySurveyBoardReference), "record.property_survey_board_reference",
            "a property survey board's reference authorises a write-off only");
        RefuseUnless(record.Compensation?.Form != CompensationForm.Cash || record.Proceeds > 0, "record.proceeds",
            "compensation in cash is the amount received: it must be more than zero");
    }

    private static void Require(bool applies, bool given, ErrorReason reason, string field, string message)
    {
        if (applies && !given)
        {
            throw new RuleViolationException(reason, message + ".", [new MissingItem(reason, field, "required by Financial Regulation 5.14")]);
        }
    }

    private static void RefuseUnless(bool holds, string field, string message)
    {
        if (!holds)
        {
            throw new InvalidArgumentException(field, message);
        }
    }
}
