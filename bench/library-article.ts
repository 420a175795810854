/**
 * One article of a generated library document: a title, an amount and a due day, a notice period
 * with a condition — facts the fidelity guard follows, so that a wrong answer would show.
 */
export function article(d: number, a: number): string {
  return [
    `## Article ${a} – Règle ${a} du document ${d}`,
    "",
    `Le résident du document ${d} verse une participation de ${d * 10 + a},50 € par mois ; elle est due avant le ${(a % 27) + 1} du mois.`,
    `En cas de départ, un préavis de ${a + 14} jours est demandé, sauf accord écrit de la direction de l’établissement.`,
  ].join("\n");
}
