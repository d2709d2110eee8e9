using MissionOps.Sites.V1;
using static MissionOps.ServiceDefaults.DemoData.DemoValues;

namespace MissionOps.Sites.DemoData;

/// <summary>The ceremony of 8 December 2023, as the note to correspondents records it.</summary>
internal static class SevareHandover
{
    public static SiteHandover Package => DemoChecklist.Package("MINUSMA/SEVARE/HO",
        Text("Governorate of the Mopti Region", "Gouvernorat de la région de Mopti"), new DateOnly(2023, 12, 8),
        DemoChecklist.Signs("Abass Dembélé", "Governor of the Mopti Region", "Gouverneur de la région de Mopti", HandoverSide.Host),
        DemoChecklist.Signs("Jens Kristensen", "Acting Head of the MINUSMA Regional Office", "Chef par intérim du bureau régional de la MINUSMA", HandoverSide.Mission),
        Text("Use by the civilian administration of the Mopti Region (not stated in the public note; to be confirmed)",
            "Usage par l'administration civile de la région de Mopti (non précisé dans la note publique ; à confirmer)"),
        [
            new Attendee { FullName = "Atul Khare", Role = Text("Under-Secretary-General for Operational Support", "Secrétaire général adjoint à l'appui opérationnel") },
            new Attendee
            {
                FullName = "El-Ghassim Wane",
                Role = Text("Special Representative of the Secretary-General and Head of MINUSMA", "Représentant spécial du Secrétaire général et chef de la MINUSMA"),
            },
        ],
        (Text("Document on the state of the camp, handed over fully operational", "Document portant sur l'état du camp, remis pleinement fonctionnel"),
            Text("Document on compliance with UN environmental regulations", "Document portant sur le respect des règles environnementales des Nations Unies"),
            Text("Document on other related issues: infrastructure remaining in the camp",
                "Document portant sur d'autres aspects connexes : infrastructures restant dans le camp")));
}
