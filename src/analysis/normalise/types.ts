/**
 * The shape of an extracted fact. `value` is canonical so that two spellings of the same fact compare
 * equal as strings; `text`, `start` and `end` keep the spelling and place as written so a reviewer can
 * be pointed at it. Offsets are UTF-16 indices, half-open, into the string given to `extractFacts`.
 */

export type FactType =
  | "amount"
  | "number"
  | "date"
  | "time"
  | "duration"
  | "percent"
  | "phone"
  | "email"
  | "url"
  | "legal-reference"
  /** A form number, a standard, a code article cited alone: compared as written (see analysis/identifiers.ts). */
  | "identifier";

export interface Fact {
  type: FactType;
  /** Canonical and comparable: "EUR:74.50", "2026-03-01", "--03-01", "12:00", "P30D", "15", "+33123456789". */
  value: string;
  /** The fact as written. */
  text: string;
  start: number;
  end: number;
}
