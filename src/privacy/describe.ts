import { PII_KINDS, type PiiKind } from "./kinds.js";

interface Label {
  one: string;
  many: string;
  feminine: boolean;
}

const LABELS: Readonly<Record<PiiKind, Label>> = {
  PERSONNE: { one: "nom de personne", many: "noms de personnes", feminine: false },
  TELEPHONE: { one: "numéro de téléphone", many: "numéros de téléphone", feminine: false },
  EMAIL: { one: "adresse électronique", many: "adresses électroniques", feminine: true },
  NIR: { one: "numéro de sécurité sociale", many: "numéros de sécurité sociale", feminine: false },
  IBAN: { one: "IBAN", many: "IBAN", feminine: false },
  ADRESSE: { one: "adresse postale", many: "adresses postales", feminine: true },
  CODE_POSTAL_VILLE: { one: "code postal et ville", many: "codes postaux et villes", feminine: false },
  DATE_NAISSANCE: { one: "date de naissance", many: "dates de naissance", feminine: true },
};

/**
 * French summary for reports: « 3 noms de personnes, 2 numéros de téléphone et 1 adresse
 * électronique masqués ». Kinds and numbers only, never values.
 */
export function describeCounts(counts: Partial<Record<PiiKind, number>>): string {
  const present = PII_KINDS.filter((kind) => (counts[kind] ?? 0) > 0);
  if (present.length === 0) return "Aucune donnée personnelle masquée";
  const items = present.map((kind) => {
    const count = counts[kind] ?? 0;
    return `${count} ${count > 1 ? LABELS[kind].many : LABELS[kind].one}`;
  });
  const list = items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]!}`;
  return `${list} ${participle(present, counts)}`;
}

/** « masqué » agrees with the nouns: feminine only if all are feminine, plural if more than one item. */
function participle(present: readonly PiiKind[], counts: Partial<Record<PiiKind, number>>): string {
  const feminine = present.every((kind) => LABELS[kind].feminine);
  const plural = present.length > 1 || (counts[present[0]!] ?? 0) > 1;
  return `masqué${feminine ? "e" : ""}${plural ? "s" : ""}`;
}
