import type { RuleSet } from "../../../rules/schema.js";
import { NO_USAGE, type RewriteProvider, type RewriteRequest, type RewriteResponse } from "../../types.js";
import { explainOncePerDocument } from "./document.js";
import { rewriteSectionWithFields as rewriteSection } from "./fields.js";

/**
 * The `offline` provider: a deterministic rewrite into easier French, with no network, used when no
 * API key is configured. The words are the rules' own fixes (the `fix:` of each rule file: numbers in
 * digits, dates in full with their weekday, plain words for administrative ones where the grammar
 * allows it, plain connectors, « etc. » removed…), applied by the one fixer of src/rules/fix/, each
 * edit under the fidelity guard. What is not a rule is done here (see units.ts for the order):
 * sentences cut at « ; » and between independent clauses, acronyms explained at their first use,
 * brackets turned into sentences, enumerations as bullet lists, one sentence per line, amounts and
 * dates in bold, small tables kept and larger ones one item per row. Every step is held to the
 * fidelity guard: a step
 * that would lose, change or add an amount, number, date, time, duration, percentage, contact or
 * legal reference is undone, and to the property checker (check.ts): a step that would leave a
 * sentence fragment, turn a « : » or « , » into a full stop or drop an identifier is undone too. Once
 * the whole document is rewritten, an acronym keeps one explanation, in the first section that uses
 * it (document.ts, through `finishDocument`).
 *
 * Pure and deterministic: the same request and rule set always give the same answer. A repair round
 * (`request.repair`) gets the same answer too: the provider has no other way to write the section.
 */

/** Part of the model name, hence of the cache key: bump it when the output changes. */
export const OFFLINE_VERSION = "4";

/** For the warning shown when convert falls back to the offline provider. */
export const OFFLINE_LIMITS = {
  does: [
    "coupe les phrases aux points-virgules et entre deux propositions (« , et », « , mais », « , car »)",
    "écrit les nombres en chiffres et les dates en entier avec le jour de la semaine",
    "explique les sigles connus une fois par document, la première fois qu'ils apparaissent",
    "remplace des mots administratifs par des mots courants quand la grammaire le permet",
    "sort le contenu des parenthèses dans une phrase à part, enlève « etc. », fait des listes à puces",
    "garde en tableau un petit tableau (2 à 4 colonnes, cases courtes) ; fait d’un plus grand une liste, une ligne du tableau par élément",
    "met une phrase par ligne et les montants et les dates en gras",
  ],
  doesNot: [
    "ne passe pas de la forme passive à la forme active",
    "ne s'adresse pas au lecteur avec « vous » à la place de « le résident »",
    "ne transforme pas les phrases négatives ni le conditionnel",
    "ne coupe pas les propositions relatives (« qui », « dont ») ni les subordonnées",
    "ne réordonne pas les informations et ne résume pas",
    "n'explique pas les sigles inconnus du lexique, ni les mots difficiles dans le texte (ils vont dans le glossaire)",
  ],
} as const;

export function createOfflineProvider(ruleSet: RuleSet): RewriteProvider {
  const model = `falc-offline-${OFFLINE_VERSION}`;
  return {
    name: "offline",
    model,
    rewrite(request: RewriteRequest, options?: { signal?: AbortSignal }): Promise<RewriteResponse> {
      try {
        options?.signal?.throwIfAborted();
        const result = rewriteSection(request, ruleSet);
        return Promise.resolve({ result, usage: { ...NO_USAGE }, model });
      } catch (error) {
        return Promise.reject(error);
      }
    },
    finishDocument: explainOncePerDocument,
  };
}

export { rewriteSectionWithFields as rewriteSection } from "./fields.js";
