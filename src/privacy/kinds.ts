/** The kinds of personal data the pseudonymiser masks, in report order. */
export const PII_KINDS = [
  "PERSONNE",
  "TELEPHONE",
  "EMAIL",
  "NIR",
  "IBAN",
  "ADRESSE",
  "CODE_POSTAL_VILLE",
  "DATE_NAISSANCE",
] as const;

export type PiiKind = (typeof PII_KINDS)[number];

/**
 * One masked value. The mapping is a plain, JSON-serialisable object so that one mapping can be
 * carried across all sections of a document (and cached). It holds real personal data: never log it.
 */
export interface PseudonymEntry {
  placeholder: string;
  kind: PiiKind;
  value: string;
}

export interface PseudonymMap {
  entries: PseudonymEntry[];
}

/** A detected occurrence of personal data in a text (offsets in UTF-16 code units, end exclusive). */
export interface PiiSpan {
  start: number;
  end: number;
  kind: PiiKind;
}

export function emptyCounts(): Record<PiiKind, number> {
  return {
    PERSONNE: 0,
    TELEPHONE: 0,
    EMAIL: 0,
    NIR: 0,
    IBAN: 0,
    ADRESSE: 0,
    CODE_POSTAL_VILLE: 0,
    DATE_NAISSANCE: 0,
  };
}

export function isPiiKind(value: string): value is PiiKind {
  return (PII_KINDS as readonly string[]).includes(value);
}
