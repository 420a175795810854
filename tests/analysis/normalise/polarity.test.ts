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
  // Issue 17, tests/data/fidelity-real: a double negative rewritten as a positive restriction keeps the meaning.
  [
    "Sans autorisation écrite des parents ou prescription médicale, l’équipe n’administrera pas de médicament.",
    "L’équipe donne un médicament seulement avec votre autorisation écrite ou une ordonnance du médecin.",
  ],
  // A prohibition restated as an obligation (the clause in brackets aligned alone).
  [
    "Il ne peut pas se faire remplacer par une personne extérieure au fonctionnement habituel de la crèche (sauf exception voir article 55).",
    "Vous devez trouver vous-même un remplaçant.\nLe remplaçant doit connaître le fonctionnement de la crèche, sauf exception (voir l’article 55).",
  ],
  // « sauf exception » kept as « dans un cas exceptionnel ».
  [
    "Le départ des parents se fait avant 9 h 45 heures et ne pas venir les chercher avant 16 heures 30, sauf exception et une fois les professionnels informés à l'avance.",
    "Le matin, vous partez de la crèche avant 9 h 45.\nLe soir, ne venez pas chercher votre enfant avant 16 h 30.\nVous pouvez venir plus tôt dans un cas exceptionnel.\nDans ce cas, prévenez les professionnels à l’avance.",
  ],
  // Advice stays advice; an imperative next to « C’est conseillé » is not an obligation.
  [
    "Il est recommandé de demander le renouvellement de l’élection de domicile au moins deux mois avant sa date d’échéance.",
    "Demandez son renouvellement au moins 2 mois avant la date de fin.\nC’est conseillé.",
  ],
  // A negation the rewrite brings for a limit, an exception, a moment or a condition of the original.
  ["Les départs de la crèche se font à partir de 16h30.", "Ne venez pas chercher votre enfant avant 16 h 30."],
  ["Les frais médicaux sont à la charge des parents.", "La crèche ne paie pas les frais médicaux.\nVous payez les frais médicaux."],
  ["Seuls les parents peuvent venir chercher l’enfant à la crèche.", "Les autres personnes ne peuvent pas venir chercher votre enfant à la crèche."],
  ["L’accès au jardin de la crèche est réservé aux enfants inscrits.", "Les autres enfants ne peuvent pas aller dans le jardin de la crèche."],
  ["Le dossier d’inscription est complet lorsque toutes les pièces sont fournies.", "Il manque une pièce ?\nAlors le dossier d’inscription n’est pas complet."],
  ["Les enfants de moins de 3 ans sont accueillis à la crèche.", "Votre enfant n’a pas encore 3 ans ?\nAlors il peut venir à la crèche."],
  ["L’inscription est définitive après le paiement de la cotisation.", "Vous n’avez pas payé la cotisation ?\nAlors l’inscription n’est pas définitive."],
  ["Les médicaments sont donnés aux enfants sur ordonnance du médecin.", "Sans ordonnance du médecin, l’équipe ne donne pas de médicaments aux enfants."],
  ["Le portail de la crèche est fermé à 9 h 30.", "Après 9 h 30, vous ne pouvez plus entrer dans la crèche."],
  ["La caution est rendue à la fin du contrat.", "La crèche ne garde pas la caution.\nElle vous rend la caution à la fin du contrat."],
  ["Le repas de midi est fourni par la crèche.", "Vous n’apportez pas le repas de midi.\nLa crèche donne le repas de midi."],
  ["Toute absence doit être justifiée par un certificat médical.", "Votre enfant est absent ?\nVous devez donner un certificat médical.\nSans certificat, l’absence n’est pas justifiée."],
  // Modals: an obligation kept as an imperative, advice as advice, a permission as a permission.
  ["Les parents doivent prévenir la crèche de toute absence de l’enfant.", "Votre enfant est absent ?\nPrévenez la crèche."],
  ["Le certificat médical doit être fourni dans les 48 heures.", "Donnez le certificat médical dans les 48 heures.\nC’est obligatoire."],
  ["Il est conseillé de marquer les vêtements au nom de l’enfant.", "Marquez les vêtements au nom de votre enfant.\nC’est conseillé."],
  ["Les parents peuvent assister à la réunion s’ils le souhaitent.", "Vous pouvez venir à la réunion si vous le voulez."],
  ["La crèche accueille les enfants du lundi au vendredi.", "La crèche est fermée le samedi et le dimanche.\nLa crèche accueille les enfants du lundi au vendredi."],
  ["La participation financière reste due pendant les vacances de l’enfant.", "Votre enfant part en vacances ?\nVous payez quand même la participation."],
  ["Le contrat peut être résilié à tout moment avec un préavis de deux mois.", "Vous pouvez arrêter le contrat quand vous voulez.\nVous devez prévenir 2 mois avant."],
  ["Le parent doit signer le contrat et le rapporter à la crèche.", "Signez le contrat.\nRapportez le contrat à la crèche."],
  ["Vous devez conserver ce document et le présenter à chaque visite.", "Gardez ce document.\nMontrez ce document à chaque visite."],
  ["Il est recommandé de prendre rendez-vous avant de venir.", "Prenez rendez-vous avant de venir.\nC’est conseillé."],
  ["Les familles peuvent déposer leur dossier en ligne ou au guichet.", "Vous pouvez donner votre dossier sur internet ou au guichet."],
  ["Le dossier doit être envoyé avant le 30 juin ; il peut être déposé au secrétariat.", "Vous devez envoyer le dossier avant le 30 juin.\nVous pouvez aussi donner le dossier au secrétariat."],
  ["Nous vous conseillons de garder une copie du dossier.", "Gardez une copie du dossier.\nC’est conseillé."],
  ["Il faut apporter des vêtements de rechange et il est conseillé de les marquer.", "Apportez des vêtements de rechange.\nNous vous conseillons de marquer les vêtements."],
  ["Les visites sont autorisées l’après-midi, après le repas des résidents.", "Vous pouvez venir l’après-midi, après le repas des résidents."],
  // Order in time said with other words.
  ["Après la visite médicale, le médecin remplit le certificat.", "Le médecin fait la visite médicale.\nEnsuite, il remplit le certificat."],
  ["Prévenez l’équipe avant de partir avec votre enfant.", "Vous partez avec votre enfant ?\nPrévenez l’équipe avant."],
  ["Le paiement intervient après réception de la facture.", "Vous recevez la facture.\nPuis vous payez."],
  ["Le contrat est signé par les deux parents ; il est ensuite remis à la directrice.", "Les 2 parents signent le contrat.\nPuis ils donnent le contrat à la directrice."],
  // Negations kept in other words.
  ["La crèche est fermée le samedi ; les parents ne peuvent pas déposer leur enfant ce jour-là.", "La crèche est fermée le samedi.\nVous ne pouvez pas laisser votre enfant ce jour-là."],
  ["Les enfants doivent être accompagnés par un adulte et ne peuvent pas partir seuls.", "Un adulte accompagne toujours les enfants.\nLes enfants ne partent jamais seuls."],
  ["Le remboursement est possible sur présentation d’une facture.", "Vous pouvez être remboursé.\nPour cela, montrez la facture."],
  ["Aucun enfant ne peut quitter la crèche sans un adulte autorisé.", "Un enfant quitte la crèche seulement avec un adulte autorisé."],
  ["Une personne ne vient que le lundi pour le ménage de la crèche.", "Une personne vient faire le ménage de la crèche.\nElle vient seulement le lundi."],
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
  // Issue 17: negations without « pas », or with the negative word first.
  ["Un mail ne saurait suffire pour annuler l’inscription.", "Un mail suffit pour annuler l’inscription."],
  ["Aucun remboursement n’est accordé en cas d’absence de l’enfant.", "Le remboursement est accordé en cas d’absence de l’enfant."],
  // A negation the rewrite adds.
  ["Les frais de dossier sont dus à l’inscription de l’enfant.", "Les frais de dossier ne sont pas dus à l’inscription de l’enfant."],
  [
    "Pendant la première semaine d’adaptation, le contrat crèche est résiliable sans préavis, mais les 2 premières semaines d’adaptation sont dues financièrement.",
    "Pendant la première semaine d’adaptation, vous pouvez arrêter le contrat sans préavis.\nVous ne payez pas les 2 premières semaines d’adaptation.",
  ],
  // A short subject written in capitals (« BCG ») is what the sentence is about.
  ["Le BCG n’est plus obligatoire, mais reste fortement recommandé pour les enfants en crèche.", "Le vaccin BCG est obligatoire.\nMais le BCG est très conseillé pour les enfants qui vont en crèche."],
  // The negation of one clause of a long sentence, aligned alone.
  [
    "Si l’enfant a de la fièvre le matin, le professionnel devra être informé des traitements administrés et au delà de 38.5° l’enfant ne sera pas admis à la crèche.",
    "Votre enfant a de la fièvre le matin ?\nDites aux professionnels quels médicaments vous lui avez donnés.\nAu-dessus de 38,5 degrés, la crèche prend quand même votre enfant.",
  ],
  [
    "Il convient de contacter par téléphone les parents susceptibles de remplacer (un mail adressé à l’ensemble des parents ne saurait être suffisant).",
    "Appelez par téléphone les parents qui peuvent vous remplacer.\nUn e-mail à tous les parents suffit.",
  ],
  // « sans » … « ne … pas » is « seulement avec »: losing the restriction loses the negation.
  [
    "Sans autorisation écrite des parents ou prescription médicale, l’équipe n’administrera pas de médicament.",
    "L’équipe donne un médicament quand votre enfant en a besoin.",
  ],
  // « sauvegardées » and « enregistrées » are the same word for a FALC writer.
  ["Sinon, vos réponses ne seront pas sauvegardées.", "Vos réponses sont enregistrées tout de suite."],
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
  // A leading condition lost where the main clause of a long sentence went.
  [
    "En cas de fièvre supérieure à 38,5° ou de maladie contagieuse constatée par l’équipe, les parents sont prévenus par téléphone et doivent venir chercher l’enfant.",
    "L’équipe prévient les parents par téléphone.\nLes parents viennent chercher l’enfant.",
  ],
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
  // Issue 17: the order in time reversed.
  [
    "En cas de maladie ou d'accident de l'enfant, le professionnel ou le parent de permanence préviendra les parents de l'enfant avant de prendre toute décision.",
    "Votre enfant est malade ou a un accident ?\nLe professionnel ou le parent de permanence vous prévient après avoir pris une décision.",
  ],
  ["Prévenez l’équipe avant de partir avec votre enfant.", "Prévenez l’équipe après être parti avec votre enfant."],
  ["Le paiement intervient après réception de la facture.", "Le paiement intervient avant la réception de la facture."],
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
  // Issue 17: a negation elsewhere in the section no longer hides a changed modal.
  [
    "La demande de préavis doit être faite par écrit au Président de l’association. Si les parents ne respectent pas ce préavis, l’association gardera le montant de la caution.",
    "Vous pouvez demander le préavis par téléphone ou par écrit au président de l’association.\nSi vous ne respectez pas le préavis, l’association garde le dépôt de garantie.",
  ],
  // The modal of one clause, not the imperative the other clause became.
  [
    "Nous vous rappelons que vous devez conserver la carte d’accès aux soins « EVAM » toujours sur vous et la présenter en cas de recours à des prestations médicales ou dentaires.",
    "Vous pouvez garder votre carte d’accès aux soins EVAM sur vous.\nMontrez-la quand vous allez chez le médecin ou chez le dentiste.",
  ],
  ["Vous devez conserver ce document et le présenter à chaque visite.", "Vous pouvez garder ce document.\nMontrez ce document à chaque visite."],
  // Advice made an obligation, and « requise » said of something.
  [
    "Il est recommandé de demander le renouvellement de l’élection de domicile au moins deux mois avant sa date d’échéance.",
    "Demandez son renouvellement au moins 2 mois avant la date de fin.\nC’est obligatoire.",
  ],
  ["Nous vous recommandons de conserver une copie du présent formulaire de certificat médical.", "Vous devez garder une copie de ce certificat."],
  ["La présence des parents est requise à chaque réunion.", "Les parents peuvent venir à chaque réunion."],
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
