/** What the two scores of a conversion are, in the reports (see draft-score.ts for the « after » one). */
export const BEFORE_SCORE_NOTE = "score du document d’origine, tel que « falc score » le calcule";
export const AFTER_SCORE_NOTE = "score du brouillon écrit, tel que « falc score » le calcule";
