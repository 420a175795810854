import type { MeaningChange, MeaningChangeKind } from "../types.js";

/** How the review document and the reports name each kind of change the second reader finds. */
export const CHANGE_LABEL: Record<MeaningChangeKind, string> = {
  right: "droit changé",
  obligation: "obligation changée",
  condition: "condition changée",
  negation: "négation inversée",
  deadline: "délai changé",
  amount: "montant, date ou durée changés",
  person: "personne changée",
  other: "sens changé",
};

/** « condition changée : l’original dit « sauf si … », la version facile à lire dit « … ». » (quotes cut to `max` characters). */
export function changeText(change: MeaningChange, max = Number.POSITIVE_INFINITY): string {
  const said = change.rewrite === "" ? "la version facile à lire ne le dit plus" : `la version facile à lire dit « ${cut(change.rewrite, max)} »`;
  return `${CHANGE_LABEL[change.kind]} : l’original dit « ${cut(change.original, max)} », ${said}.`;
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(" ", max);
  return `${text.slice(0, space > max / 2 ? space : max).trimEnd()} …`;
}
