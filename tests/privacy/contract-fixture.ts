/**
 * A realistic contrat de séjour full of planted personal data (all invented), and the list of
 * what was planted, by kind. Values that must NOT be masked are listed separately.
 */
export const CONTRACT = `CONTRAT DE SÉJOUR
EHPAD Les Jardins de la Lavande
12, avenue du Général Leclerc
72190 Bourg-Lavande
Tél. : 02 43 55 10 20 — Courriel : accueil@jardins-lavande.fr

Entre les soussignés :
L'établissement, représenté par Madame Hélène Marchal-Duval, directrice,
et Madame Simone PERRIN, née Dupuis, née le 12/04/1938 à Laval, demeurant 14, rue des Acacias, 53000 Laval,
numéro de sécurité sociale : 2 38 04 53 130 012 34,
ci-après dénommée « le résident »,
représentée par son tuteur, Monsieur Jean-Pierre de La Tour, mandataire de l'Association Tutélaire de la Sarthe,
joignable au 06 12 34 56 78 ou au +33 (0)6 98 76 54 32, courriel : jp.delatour@exemple.fr.

Article 1 — Objet du contrat
Le présent contrat est conclu le 2 mars 2026 pour une durée indéterminée.
Le résident peut recevoir des visites le lundi 2 mars 2026 à 14 h. Le prix est de 74,50 €.
La directrice reçoit les familles sur rendez-vous.

Article 2 — Personnes à prévenir
Sa fille, Mme Catherine Perrin-Morel, 3 bis avenue Jean Jaurès, 72000 Le Mans, téléphone 01.23.45.67.89.
Son fils, Luc Perrin, joignable au 0243551122 ou au +33 2 43 55 11 23.
Date de naissance de Madame Perrin : 12 avril 1938.

Article 3 — Suivi médical
Le médecin traitant est le Dr Bernard Lefèvre, 8 place de la Mairie, 72190 Bourg-Lavande.
La référente de l'étage est Nadia Benali, infirmière coordinatrice.
Me Sylvie Arnoult, notaire, conserve une copie du présent contrat.
La famille Perrin est informée de toute évolution de l'état de santé.

Article 4 — Paiement
Les frais de séjour sont prélevés sur le compte FR76 3000 6000 0112 3456 7890 189 (BIC AGRIFRPP).
Numéro de dossier : 1 55 07 75 115 423 11 (référence interne).
Ancien compte clôturé : FR76 3000 6000 0112 3456 7890 188.
Conformément à l'article L. 311-4 du code de l'action sociale et des familles, le présent contrat est signé en deux exemplaires.
`;

/** Every planted value that must disappear from the text sent out. */
export const PLANTED: Readonly<Record<string, readonly string[]>> = {
  PERSONNE: [
    "Hélène Marchal-Duval",
    "Simone PERRIN",
    "Dupuis",
    "Jean-Pierre de La Tour",
    "Catherine Perrin-Morel",
    "Luc Perrin",
    "Bernard Lefèvre",
    "Nadia Benali",
    "Sylvie Arnoult",
  ],
  TELEPHONE: ["02 43 55 10 20", "06 12 34 56 78", "+33 (0)6 98 76 54 32", "01.23.45.67.89", "0243551122", "+33 2 43 55 11 23"],
  EMAIL: ["accueil@jardins-lavande.fr", "jp.delatour@exemple.fr"],
  NIR: ["2 38 04 53 130 012 34"],
  IBAN: ["FR76 3000 6000 0112 3456 7890 189"],
  ADRESSE: ["12, avenue du Général Leclerc", "14, rue des Acacias", "3 bis avenue Jean Jaurès", "8 place de la Mairie"],
  CODE_POSTAL_VILLE: ["72190 Bourg-Lavande", "53000 Laval", "72000 Le Mans"],
  DATE_NAISSANCE: ["12/04/1938", "12 avril 1938"],
};

/** Look-alikes that are not personal data of that kind and must stay as written. */
export const NOT_PERSONAL = [
  "1 55 07 75 115 423 11", // NIR-shaped, wrong key
  "FR76 3000 6000 0112 3456 7890 188", // IBAN-shaped, wrong checksum
  "le 2 mars 2026", // a contract date, not a birth date
  "74,50 €",
  "L. 311-4",
  "Association Tutélaire de la Sarthe",
  "La directrice reçoit les familles",
  "EHPAD Les Jardins de la Lavande",
  "AGRIFRPP",
];

/** A second text in another style (livret d'accueil), written after the detectors, as a held-out check. */
export const WELCOME_BOOKLET = `LIVRET D'ACCUEIL — Foyer d'accueil médicalisé Les Genêts
L'équipe est dirigée par M. Karim Haddad, directeur, assisté de Mme Océane Roux, cheffe de service.
Le Dr Anne-Sophie Béranger, psychiatre, consulte le jeudi. Infirmière : Fatou Diallo (poste 214).
Secrétariat : 09 72 10 33 45 – secretariat.genets@asso-horizon.org – du lundi au vendredi de 9 h à 17 h.
Adresse : Foyer Les Genêts, 27 bis boulevard Gambetta, BP 45, 49100 Angers CEDEX.
Le Conseil de la vie sociale est présidé par Madame Ginette Boulanger, représentante des familles.
La Fondation Saint-Joseph gère 12 établissements depuis 1962. Le 14 juillet, un repas est servi.
Pour joindre l'astreinte : 06 45 78 12 90. En cas d'urgence, composez le 15 ou le 112.
Madame Lucie Carré (fille de M. Robert Carré, résident de la chambre 12) a signé le 3 janvier 2025.
Monsieur le Préfet de Maine-et-Loire a autorisé l'extension (arrêté n° 2024-118).
Le tarif journalier est de 182,40 € TTC ; l'aide sociale (article L. 132-1) peut être demandée.
Les repas sont préparés par la cuisine centrale de Saint-Barthélemy-d'Anjou.
Résident : BOULANGER Marcel, né le 2 février 1941 à Cholet. Sécurité sociale : 1 41 02 49 099 123 56.
Virement possible sur le compte de l'association : FR14 2004 1010 0505 0001 3M02 606.
`;

export const WELCOME_PLANTED = [
  "Karim Haddad", "Océane Roux", "Anne-Sophie Béranger", "Fatou Diallo", "09 72 10 33 45",
  "secretariat.genets@asso-horizon.org", "27 bis boulevard Gambetta", "49100 Angers CEDEX", "Ginette Boulanger",
  "06 45 78 12 90", "Lucie Carré", "Robert Carré", "BOULANGER Marcel", "2 février 1941", "1 41 02 49 099 123 56",
  "FR14 2004 1010 0505 0001 3M02 606",
];

export const WELCOME_NOT_PERSONAL = [
  "Foyer d'accueil médicalisé Les Genêts", "Fondation Saint-Joseph", "depuis 1962", "Le 14 juillet",
  "le 15 ou le 112", "le 3 janvier 2025", "Monsieur le Préfet de Maine-et-Loire", "arrêté n° 2024-118",
  "182,40 € TTC", "article L. 132-1", "Saint-Barthélemy-d'Anjou", "BP 45", "poste 214", "chambre 12",
];
