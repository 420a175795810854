import { describe, expect, it } from "vitest";
import { checkMeaning, type MeaningKind } from "../../../src/analysis/normalise/polarity.js";

/** Sentences of the crèche rules (capucine-RI_Creche_CAPUCINE_2017.pdf) and of administrative letters, rewritten as a careful FALC writer would. */
const FAITHFUL: [string, string][] = [
  [
    "Les jouets de la maison ne sont pas admis à la crèche (en dehors du doudou).",
    "Les jouets de la maison sont interdits à la crèche.\nLe doudou est accepté.",
  ],
  ["Le temps d’accueil ne peut excéder 10 heures par jour.", "Votre enfant ne peut pas rester plus de 10 heures par jour à la crèche."],
  [
    "Une trousse de premier secours doit obligatoirement accompagner chaque sortie.",
    "Pour chaque sortie, les adultes prennent une trousse de premier secours.\nC’est obligatoire.",
  ],
  [
    "Tout traitement médicamenteux suivi en dehors de la crèche par l’enfant doit être signalé à l’équipe.",
    "Votre enfant prend un traitement médicamenteux à la maison ?\nVous devez le signaler à l’équipe.",
  ],
  [
    "Aucune journée d’absence pour maladie ne sera déduite, sauf en cas d’hospitalisation.",
    "Les journées d’absence pour maladie ne sont pas déduites.\nSauf en cas d’hospitalisation de votre enfant.",
  ],
  [
    "Si l’enfant a besoin de son biberon, le choisir en plastique et le marquer à son nom.",
    "Votre enfant a besoin de son biberon ?\nChoisissez un biberon en plastique.\nMarquez le biberon à son nom.",
  ],
  [
    "La demande de préavis doit être faite par écrit au Président de l’association.",
    "Vous devez écrire au Président de l’association pour faire la demande de préavis.",
  ],
  [
    "Si les parents ne respectent pas ce préavis, l’association gardera le montant de la caution.",
    "Si vous ne respectez pas le préavis, l’association garde la caution.\nElle ne vous rend pas le montant.",
  ],
  [
    "Le dossier complet doit être remis au secrétariat au plus tard le 15 mars 2026.",
    "Donnez le dossier complet au secrétariat.\nLa date limite est le 15 mars 2026.",
  ],
  [
    "La famille ne peut pas modifier son jour de permanence, sauf si une autre famille accepte l’échange.",
    "Vous ne pouvez pas changer votre jour de permanence.\nSauf si une autre famille accepte d’échanger avec vous.",
  ],
  [
    "Un e-mail ne suffit pas : la demande de résiliation doit être envoyée par lettre recommandée.",
    "Un e-mail ne suffit pas.\nEnvoyez la demande de résiliation par lettre recommandée.",
  ],
  [
    "Les parents peuvent être consultés, mais ne sont pas décisionnaires.",
    "L’équipe peut consulter les parents.\nMais les parents ne décident pas.",
  ],
  [
    "Vous pouvez contester cette décision dans un délai de deux mois à compter de sa notification.",
    "Vous pouvez contester cette décision.\nVous avez 2 mois pour le faire, à partir du jour où vous recevez la décision.",
  ],
  [
    "En cas de maladie contagieuse, l’enfant ne sera pas accueilli à la crèche.",
    "Votre enfant a une maladie contagieuse ?\nAlors il ne peut pas venir à la crèche.",
  ],
  [
    "Les enfants ne mangent pas dans l’enceinte de la crèche pendant le temps de repas.",
    "Pendant le temps de repas, les enfants mangent à la maison, jamais dans la crèche.",
  ],
  [
    "Le dossier doit être déposé avant le 1er septembre, à défaut l’inscription sera refusée.",
    "Déposez le dossier avant le 1er septembre.\nSinon, l’inscription est refusée.\nÀ défaut de dossier, il n’y a pas d’inscription.",
  ],
  // What the offline provider writes on the crèche rules: a parenthesis moved to a « Précision » two sentences down, a list split into items.
  [
    "La présence d’un enfant est facturée à la journée (même s’il est présent une demi journée, ce qui doit rester exceptionnel). Toute journée commencée est due.",
    "La présence d’un enfant est facturée à la journée.\nToute journée commencée est due.\nPrécision : même s’il est présent une demi journée, ce qui doit rester exceptionnel.",
  ],
  [
    "Si on a le temps : vider le linge dans la machine, lancer une lessive si besoin, plier et ranger le linge sec.",
    "Aux alentours de 13 h 15, vider une lessive.\nSi on a le temps :\nvider le linge dans la machine\nlancer une lessive si besoin\nplier et ranger le linge sec",
  ],
  [
    "Il est interdit de fumer dans les locaux de la crèche.",
    "Vous ne devez pas fumer dans les locaux de la crèche.",
  ],
  [
    "Il est possible de venir chercher l’enfant plus tôt en prévenant l’équipe.",
    "Vous pouvez venir chercher votre enfant plus tôt.\nPrévenez l’équipe avant.",
  ],
  [
    "Il faut prévenir l’équipe avant 9 heures en cas d’absence de l’enfant.",
    "Votre enfant est absent ?\nVous devez prévenir l’équipe avant 9 heures.",
  ],
];

function kinds(original: string, rewrite: string): MeaningKind[] {
  return checkMeaning(original, rewrite).map((p) => p.kind);
}

describe("faithful rewrites", () => {
  it.each(FAITHFUL)("no point: %s", (original, rewrite) => {
    expect(checkMeaning(original, rewrite)).toEqual([]);
  });
});

const NEGATIONS: [string, string][] = [
  ["Un e-mail ne suffit pas pour résilier le contrat.", "Un e-mail suffit pour résilier le contrat."],
  ["Les jouets de la maison ne sont pas admis à la crèche.", "Les jouets de la maison sont admis à la crèche."],
  ["Les poussettes ne restent pas dans l’entrée de la crèche.", "Les poussettes restent dans l’entrée de la crèche."],
  ["Un enfant ne doit jamais rester seul dans la salle.", "Un enfant doit rester seul dans la salle."],
  ["Les heures de présence ne sont pas dues financièrement par les parents.", "Les heures de présence sont dues par les parents."],
  ["Les parents ne sont pas décisionnaires pour le projet pédagogique.", "Les parents sont décisionnaires pour le projet pédagogique."],
  ["Au-delà de 38,5° l’enfant ne sera pas admis à la crèche.", "Au-delà de 38,5°, l’enfant est admis à la crèche."],
  ["Les objets de la crèche ne sont pas emportés à la maison.", "Les objets de la crèche sont emportés à la maison."],
  ["Cette aide n’est plus versée après le départ de l’enfant.", "Cette aide est versée après le départ de l’enfant."],
  ["L’association ne rembourse rien en cas de perte des vêtements marqués.", "L’association rembourse les vêtements marqués perdus."],
  ["La caution n’est jamais restituée avant le départ de l’enfant.", "La caution est restituée avant le départ de l’enfant."],
];

const CONDITIONS: [string, string][] = [
  ["Les couches sont fournies par la crèche, sauf en cas de soins particuliers.", "Les couches sont fournies par la crèche, même pour des soins particuliers."],
  ["La caution est restituée au départ de l’enfant si le préavis de deux mois a été respecté.", "La caution est rendue au départ de l’enfant, avec le préavis de 2 mois."],
  ["En cas d’absence des parents, le parent de permanence prend l’enfant chez lui.", "Le parent de permanence prend l’enfant chez lui, avec les parents absents."],
  ["La place est proposée aux familles de la liste d’attente si une place se libère.", "La place est proposée aux familles de la liste d’attente."],
  ["Le tarif inférieur est appliqué à condition que la famille ait un enfant handicapé à charge.", "Le tarif inférieur est appliqué à la famille avec un enfant handicapé à charge."],
  ["À défaut de paiement, l’enfant est exclu de la crèche.", "Le paiement de l’enfant et l’exclusion de la crèche."],
  ["Le parent peut remplacer le professionnel en cas d’absence du professionnel qualifié.", "Le parent peut remplacer le professionnel qualifié absent."],
  ["Les journées d’absence sont déduites seulement si l’enfant est hospitalisé.", "Les journées d’absence de l’enfant hospitalisé sont déduites."],
  ["La famille est dispensée de permanence en cas de maternité.", "La famille est dispensée de permanence pendant la maternité."],
  ["L’allaitement à la crèche est possible avec du lait maternel si la mère le souhaite.", "L’allaitement à la crèche est possible avec du lait maternel de la mère."],
];

const DEADLINES: [string, string][] = [
  ["La demande doit être envoyée au plus tard dans les délais de l’article 31.", "La demande doit être envoyée, comme dit l’article 31."],
  ["Le dossier doit être remis au secrétariat au plus tard le 15 mars 2026.", "Le dossier doit être remis au secrétariat le 15 mars 2026."],
  ["Vous pouvez contester cette décision dans un délai de deux mois.", "Vous pouvez contester cette décision pendant 2 mois."],
  ["Le paiement est fait avant le 5 de chaque mois.", "Le paiement est fait le 5 de chaque mois."],
  ["La réponse est envoyée dans les quinze jours suivant la demande.", "La réponse est envoyée quinze jours après la demande."],
  ["Le contrat est signé avant la rentrée de septembre.", "Le contrat est signé à la rentrée de septembre."],
  ["Le médecin remplit le certificat dans un délai de huit jours.", "Le médecin remplit le certificat en huit jours, si possible."],
  ["Les parents préviennent la crèche au plus tard la veille de l’absence.", "Les parents préviennent la crèche de l’absence la veille."],
  ["Vous devez répondre sous 10 jours à ce courrier.", "Vous devez répondre en 10 jours à ce courrier."],
  ["La commission se réunit jusqu’au 30 juin pour examiner les dossiers.", "La commission se réunit le 30 juin pour examiner les dossiers."],
];

const OBLIGATIONS: [string, string][] = [
  ["La demande de préavis doit être faite par écrit au Président.", "La demande de préavis peut être faite par écrit au Président."],
  ["Une trousse de premier secours doit accompagner chaque sortie.", "Une trousse de premier secours peut accompagner chaque sortie."],
  ["Tout traitement de l’enfant doit être signalé à l’équipe.", "Vous pouvez signaler le traitement de l’enfant à l’équipe."],
  ["Les parents doivent fournir le certificat médical à l’inscription.", "Les parents peuvent fournir le certificat médical à l’inscription."],
  ["La modification du dépôt de garantie doit être validée en Conseil.", "La modification du dépôt de garantie peut être validée en Conseil."],
  ["Il faut marquer les vêtements de l’enfant à son nom.", "Vous pouvez marquer les vêtements de l’enfant à son nom."],
  ["La présence des parents à l’assemblée générale est obligatoire.", "La présence des parents à l’assemblée générale est possible : vous pouvez venir."],
  ["Les parents peuvent consulter le projet pédagogique à la crèche.", "Les parents doivent consulter le projet pédagogique à la crèche."],
  ["Vous pouvez contester cette décision devant le tribunal administratif.", "Vous devez contester cette décision devant le tribunal administratif."],
  ["La famille peut demander une suspension du contrat en cas de maladie prolongée.", "La famille doit demander une suspension du contrat en cas de maladie prolongée."],
  ["Le parent de permanence est autorisé à appeler le médecin de la crèche.", "Le parent de permanence doit appeler le médecin de la crèche."],
];

describe.each([
  ["negation", NEGATIONS],
  ["condition", CONDITIONS],
  ["deadline", DEADLINES],
  ["obligation", OBLIGATIONS],
] as const)("planted mistake: %s", (kind, pairs) => {
  it.each(pairs)(`is caught: %s`, (original, rewrite) => {
    expect(kinds(original, rewrite)).toContain(kind);
  });
});

describe("what a point says", () => {
  it("names the marker and both sentences", () => {
    expect(checkMeaning("Un e-mail ne suffit pas.", "Écrivez une lettre.\nUn e-mail suffit.")).toEqual([
      { kind: "negation", marker: "ne … pas", original: "Un e-mail ne suffit pas.", rewrite: "Un e-mail suffit." },
    ]);
  });

  it("says nothing when no rewrite sentence says the same thing", () => {
    expect(checkMeaning("Les jouets de la maison ne sont pas admis.", "Venez avec le doudou.")).toEqual([]);
  });
});
