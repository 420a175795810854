import { checkMeaning, compareFacts, extractFactsAndHints, reconcile, type Fact, type MeaningPoint } from "../analysis/normalise/index.js";
import type { FactRef, SectionFacts } from "./types.js";

/**
 * The fidelity guard: every fact of the original (amount, number, date, time, duration, percentage,
 * phone, e-mail, URL, legal reference) must be in the rewrite in some easy-to-read form, and the
 * rewrite must not bring facts of its own. A lost notice period or price is a lost right.
 * A value the rewrite only makes explicit (« contrat annuel » → « dure 1 an ») is neither: it is
 * « à vérifier » (`toCheck`), shown to the reviewer but never failing `--strict`. So is a negation,
 * condition, deadline or obligation that no number shows but the aligned rewrite sentence lost (`meaning`).
 */
export function checkFacts(
  original: string,
  rewrite: string,
): SectionFacts & { toCheck: FactRef[]; meaning: MeaningPoint[]; missingFacts: Fact[]; addedFacts: Fact[] } {
  const before = extractFactsAndHints(original);
  const after = extractFactsAndHints(rewrite);
  const comparison = compareFacts(before.facts, after.facts);
  const { missing, added: reallyAdded, toCheck } = reconcile(comparison, before.hints, after.hints);
  const added = [...reallyAdded, ...comparison.wrongWeekdays];
  return {
    checked: comparison.checked,
    missing: dedupe(missing.map(ref)),
    added: dedupe(added.map(ref)),
    toCheck: dedupe(toCheck.map(ref)),
    meaning: checkMeaning(original, rewrite),
    missingFacts: missing,
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
