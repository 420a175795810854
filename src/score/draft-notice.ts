/**
 * The parts of a draft that falc adds for the staff who print it, not for its readers: the notice
 * that the draft awaits its readers' validation, (in Markdown) the list of facts to check, and the
 * line that credits the pictures' banks. They
 * live beside score/draft.ts, which leaves them out of the score; the renderers import them to write them.
 */

/** The notice of `.falc.md`, one blockquote line. */
export const DRAFT_NOTICE =
  "Ce document est un brouillon préparé avec falc. Des personnes qui vont le lire doivent le relire et le valider avant d’utiliser le logo « Facile à lire et à comprendre ».";

/** The note that the draft is not validated: one short sentence per line, addressed to the staff who prints it. */
export const DRAFT_NOTE = [
  "**Attention : ce document est un brouillon.**",
  "Des personnes qui vont lire ce document doivent d'abord le relire.",
  "Elles disent si le texte est facile à comprendre.",
  "Vous pouvez mettre le logo « Facile à lire » seulement après cette relecture.",
] as const;

/** Heading of the `.falc.md` list of facts to check before the readers' review. */
export const PROBLEMS_TITLE = "⚠ À vérifier avant la relecture";

/** How the last line of a draft with pictures starts: the banks used and their licences, for whoever prints it. */
export const CREDITS_LABEL = "Images";
