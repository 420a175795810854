import { compareFacts, extractFacts, type Fact } from "../analysis/normalise/index.js";
import type { FactRef, SectionFacts } from "./types.js";

/**
 * The fidelity guard: every fact of the original (amount, number, date, time, duration, percentage,
 * phone, e-mail, URL, legal reference) must be in the rewrite in some easy-to-read form, and the
 * rewrite must not bring facts of its own. A lost notice period or price is a lost right.
 */
export function checkFacts(original: string, rewrite: string): SectionFacts & { missingFacts: Fact[]; addedFacts: Fact[] } {
  const comparison = compareFacts(extractFacts(original), extractFacts(rewrite));
  const added = [...comparison.added, ...comparison.wrongWeekdays];
  return {
    checked: comparison.checked,
    missing: dedupe(comparison.missing.map(ref)),
    added: dedupe(added.map(ref)),
    missingFacts: comparison.missing,
    addedFacts: added,
  };
}

export const FACT_LABEL: Record<Fact["type"] | "personal-data", string> = {
  "personal-data": "donnée personnelle",
  amount: "montant",
  number: "nombre",
  date: "date",
  time: "heure",
  duration: "durée",
  percent: "pourcentage",
  phone: "téléphone",
  email: "adresse e-mail",
  url: "adresse web",
  "legal-reference": "référence juridique",
  identifier: "numéro de formulaire ou de norme",
};

function ref(fact: Fact): FactRef {
  return { type: fact.type, text: fact.text };
}

function dedupe(facts: FactRef[]): FactRef[] {
  const seen = new Set<string>();
  return facts.filter((fact) => {
    const key = `${fact.type}\u0000${fact.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
