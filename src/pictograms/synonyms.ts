import { keyOf } from "./normalise.js";

/**
 * The project's synonym table: words that one picture can show, the first of each group naming the
 * idea. « déjeuner » finds an establishment's `repas.png`; two blocks about « repas » and « dîner »
 * are one idea, and may share a picture. Written for the words of establishment life (meals, visits,
 * money, health, rights, transport, rooms, complaints); a word may sit in one group only, and a word
 * with another frequent sense in these documents stays out (« traitement » of data, « poste » of work,
 * « menu » of a program, « portail » of a website).
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // Meals
  ["repas", "déjeuner", "dîner", "manger", "nourriture", "plat", "restauration", "cantine", "salle à manger"],
  ["petit déjeuner", "petit-déjeuner"],
  ["goûter", "biscuit", "collation"],
  ["boisson", "boire", "eau", "eau potable"],
  ["café", "thé", "boisson chaude"],
  ["cuisine", "cuisiner", "recette"],
  ["cuisinier", "cuisinière", "chef cuisinier"],
  ["alcool", "vin", "bière", "boisson alcoolisée"],
  ["courses", "supermarché", "magasin", "achats", "caddie"],
  // Home and rooms
  ["maison", "foyer", "logement", "domicile", "habitation", "hébergement", "résidence", "habiter"],
  ["chambre", "chambre individuelle", "chambre à coucher"],
  ["lit", "draps", "dormir", "sommeil", "coucher", "sieste"],
  ["clé", "clef", "clés", "badge"],
  ["cadenas", "verrou", "serrure", "fermer à clé"],
  ["porte", "entrée", "porte d'entrée"],
  ["salon", "canapé", "salle commune"],
  ["jardin", "jardinage", "potager"],
  ["toilettes", "wc", "sanitaires", "cabinets"],
  ["douche", "douches"],
  ["bain", "baignoire", "salle de bain", "salle de bains"],
  ["hygiène", "se laver", "laver", "savon", "toilette"],
  ["linge", "lessive", "laverie", "machine à laver", "panier à linge"],
  ["vêtements", "vêtement", "habits", "tenue"],
  ["ménage", "nettoyage", "nettoyer", "balai", "entretien des locaux"],
  ["poubelle", "déchets", "ordures", "tri"],
  ["fenêtre", "volet", "volets"],
  ["lumière", "lampe", "ampoule"],
  ["ascenseur"],
  // People
  ["famille", "proches", "proche", "parents", "membres de la famille"],
  ["amis", "ami", "amie", "copain", "copine"],
  ["personnes", "gens", "groupe", "résidents", "habitants", "usagers"],
  ["enfant", "enfants", "bébé"],
  ["réunion", "conseil", "assemblée", "conseil de la vie sociale", "cvs"],
  ["bonjour", "salut", "saluer", "au revoir"],
  // Money
  ["argent", "euros", "euro", "paiement", "payer", "prix", "coût", "tarif", "somme", "montant", "frais", "budget", "argent de poche", "participation financière", "loyer", "salaire", "rémunération"],
  ["porte-monnaie", "portefeuille", "monnaie"],
  ["banque", "compte bancaire", "compte en banque", "virement", "relevé de compte"],
  ["carte bancaire", "carte bleue", "carte de paiement", "carte de crédit"],
  ["facture", "reçu", "ticket de caisse", "justificatif de paiement", "quittance"],
  // Health
  ["médecin", "docteur", "médecin traitant", "généraliste", "médecin généraliste", "consultation médicale"],
  ["infirmier", "infirmière", "soignant", "aide-soignant", "soins"],
  ["santé", "médical", "médicale"],
  ["médicament", "médicaments", "comprimé", "pilule", "cachet", "pharmacie", "pharmacien"],
  ["malade", "maladie", "fièvre"],
  ["hôpital", "clinique", "hospitalisation"],
  ["urgence", "urgences", "ambulance", "secours", "samu"],
  ["dentiste", "dent", "dents"],
  ["lunettes", "lunettes de vue"],
  ["appareil auditif", "prothèse auditive", "appareil auditif", "sonotone"],
  ["fauteuil roulant", "fauteuil", "chaise roulante"],
  ["handicap", "accessibilité", "accès handicapés", "mobilité réduite"],
  ["coiffeur", "coiffure", "cheveux", "coiffeuse"],
  // Rights, papers, rules
  ["droits", "droit"],
  ["loi", "justice", "tribunal", "juge"],
  ["vote", "voter", "élection", "élections"],
  ["religion", "culte", "prière", "prier", "croyance"],
  ["document", "papier", "papiers", "formulaire", "feuille"],
  ["contrat", "contrat de séjour", "convention", "avenant", "document individuel de prise en charge"],
  ["règlement", "règlement de fonctionnement", "règles", "règle", "charte"],
  ["signature", "signer", "signez"],
  ["écrire", "stylo", "crayon"],
  ["dossier", "classeur", "dossier personnel"],
  ["livre", "livret", "livret d'accueil", "livres", "bibliothèque", "lire", "lecture"],
  ["carte d'identité", "papiers d'identité", "pièce d'identité", "carte vitale", "identité", "passeport", "titre de séjour"],
  ["protection", "sécurité", "protéger", "protégé"],
  ["secret", "confidentiel", "confidentialité", "vie privée", "intimité"],
  ["calendrier", "date", "rendez-vous", "agenda", "planning"],
  ["heure", "heures", "horaire", "horaires", "horloge", "réveil"],
  ["nuit", "veilleur de nuit", "veilleur"],
  // Saying, complaining, feelings
  ["parler", "parole", "dire", "discuter", "discussion", "conversation", "dialogue", "expression"],
  ["question", "questions"],
  ["plainte", "réclamation", "se plaindre", "mécontent", "mécontentement", "colère", "conflit", "dispute", "litige"],
  ["triste", "tristesse", "chagrin", "pleurer"],
  ["content", "heureux", "joie", "satisfait"],
  ["idée", "idées", "boîte à idées", "suggestion"],
  ["danger", "attention", "risque", "prudence"],
  ["interdit", "interdiction", "défendu"],
  ["objectif", "objectifs", "but", "buts"],
  // Transport and going out
  ["bus", "autobus", "minibus", "car", "navette", "transport", "transports", "transport en commun", "arrêt de bus"],
  ["voiture", "automobile", "véhicule", "chauffeur"],
  ["taxi"],
  ["train", "gare", "sncf"],
  ["vélo", "bicyclette"],
  ["avion", "aéroport"],
  ["marcher", "à pied", "marche", "promenade", "balade"],
  ["vacances", "congés", "séjour de vacances", "plage"],
  ["voyage", "valise", "bagages", "bagage"],
  // Post, phone, screens
  ["téléphone", "appeler", "appel", "appel téléphonique", "numéro de téléphone"],
  ["téléphone portable", "portable", "smartphone", "mobile"],
  ["courriel", "e-mail", "email", "mail", "message électronique", "adresse électronique"],
  ["courrier", "lettre", "lettres", "enveloppe", "facteur", "colis"],
  ["boîte aux lettres", "boîte à lettres"],
  ["ordinateur", "internet", "informatique", "tablette"],
  ["wifi", "wi-fi", "connexion internet"],
  ["télévision", "télé", "tv", "téléviseur"],
  // Activities, work
  ["travail", "emploi", "esat", "atelier", "métier", "travailler", "poste de travail", "travailleur"],
  ["outils", "outil", "bricolage", "menuiserie", "réparation"],
  ["peinture", "dessin", "dessiner", "peindre", "arts plastiques"],
  ["musique", "chanson", "chant", "chorale", "concert"],
  ["cinéma", "film", "films"],
  ["sport", "sports", "football", "gymnastique", "activité physique"],
  ["piscine", "natation", "nager", "baignade"],
  ["jeu", "jeux", "jeux de société", "jouer"],
  ["fête", "fêtes", "soirée dansante", "anniversaire"],
  ["cadeau", "cadeaux"],
  ["photo", "photos", "photographie", "appareil photo"],
  ["animal", "animaux", "animal de compagnie", "animaux de compagnie"],
  ["chien", "chiens"],
  ["chat", "chats"],
  // Fire and safety
  ["incendie", "feu", "flammes"],
  ["pompier", "pompiers", "sapeur-pompier"],
  ["alarme", "sonnerie", "sirène"],
  ["cigarette", "fumer", "tabac", "cigarettes"],
  ["parapluie", "pluie"],
];

/** key → the keys of its group, the idea's first. */
const GROUPS = (() => {
  const map = new Map<string, string[]>();
  for (const group of SYNONYM_GROUPS) {
    const keys = [...new Set(group.map(keyOf).filter((key) => key !== ""))];
    for (const key of keys) if (!map.has(key)) map.set(key, keys);
  }
  return map;
})();

/** The idea a key stands for: its synonym group's first word, or itself. */
export function ideaOf(key: string): string {
  return GROUPS.get(key)?.[0] ?? key;
}

/** The other keys a picture for `key` may be named by, the idea's name first. */
export function synonymsOf(key: string): string[] {
  return (GROUPS.get(key) ?? []).filter((other) => other !== key);
}

/** Whether the synonym table names this key. */
export function isKnownIdea(key: string): boolean {
  return GROUPS.has(key);
}
