/**
 * Times of day, as "HH:MM": « 12 h 00 », « 12h », « 12:00 », « midi » and « douze heures » are all
 * "12:00"; « 19 h 30 », « 19h30 » and « dix-neuf heures trente » are "19:30".
 *
 * « 10 heures » is either a time (« à 10 heures ») or a duration (« pendant 10 heures », « sous
 * 48 h »), and only the words around it tell which. « 24 heures » and more are always a duration;
 * words such as « pendant, sous, dans les, délai de, durée de, au moins, supérieure à » before it,
 * or « par jour, avant, à l'avance » after it, make a duration; otherwise « h » reads as a time, and the full word
 * « heures » as a time only after « à, de, dès, vers, jusqu'à, entre… ». The comparison forgives a
 * wrong guess between the two readings of a whole hour, since the rewrite may phrase it differently.
 */
import { NUMBER_WORDS_RUN_SOURCE, parseFrenchNumber } from "./numbers.js";
import { pad2 } from "./format.js";
import { hoursValue } from "./durations.js";
import { execAt, type Quantity, type UnitMatch } from "./quantities.js";
import { afterLetter, nextMatch } from "./scan.js";

const SP = String.raw`[\s\u00A0\u202F]`;
/** Minutes written after the hour must end there, or « 2 heures trois fois par jour » would read 2:03. */
const MINUTES_END = String.raw`(?=${SP}*(?:minutes?(?![\p{L}])|min(?![\p{L}])|mn(?![\p{L}])|[.,;:!?)»–\-/]|$|et(?![\p{L}])|à(?![\p{L}])|au(?![\p{L}])|ou(?![\p{L}])|\n))`;

const H_ABBREVIATED = new RegExp(
  String.raw`${SP}*h(?![\p{L}])(?:${SP}*(\d{2})(?!\d)(?:${SP}*(?:min|mn)(?![\p{L}]))?)?`,
  "iuy",
);
const H_WORD = new RegExp(
  String.raw`${SP}+heures?(?![\p{L}])(?:${SP}+(?:et${SP}+)?(quart|demie?)(?![\p{L}])|${SP}+(moins${SP}+le${SP}+quart)(?![\p{L}])` +
    String.raw`|${SP}+(\d{2}|${NUMBER_WORDS_RUN_SOURCE})(?![\p{L}\p{N}])${MINUTES_END}(?:${SP}*(minutes?|min|mn)(?![\p{L}]))?)?`,
  "iuy",
);
const COLON = /:(\d{2})(?!\d)/y;
const MIDI = new RegExp(
  String.raw`(midi|minuit)(?:${SP}+(?:et${SP}+)?(quart|demie?|trente|quinze|\d{2})(?![\p{L}\p{N}]))?(?![\p{L}\-])`,
  "giu",
);

/** « APRES MIDI » in capitals loses its accent and hyphen in real documents. */
const AFTERNOON = /apr[eèéÈÉ]s[\s\u00A0\u202F]+$/iu;
const DURATION_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:pendant|durant|sous|dans|délai|delai|durée|duree|dure|durent|durera|en|moins|plus|maximum|minimum|environ|toutes|tous|chaque|préavis|preavis|période|periode|au${SP}+moins|au${SP}+plus|au${SP}+maximum|au${SP}+minimum|au-delà|excédant|excéder|dépassant|dépasser|(?:supérieure?|inférieure?|égale?)s?${SP}+à)(?:${SP}+(?:de|d['’]|les|des|une|un))?${SP}*$`,
  "iu",
);
const TIME_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:à|a|dès|des|vers|jusqu['’]à|jusqu['’]a|avant|après|apres|entre|de|et|ou|partir${SP}+de|passé|le)${SP}*$|[-–]${SP}*$`,
  "iu",
);
/** Words that make a clock time even when a duration word follows (« à 14 h avant le repas »). */
const STRONG_TIME_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:à|dès|vers|jusqu['’]à|avant|après|partir${SP}+de)${SP}*$`,
  "iu",
);
const DURATION_AFTER = new RegExp(
  String.raw`${SP}*(?:par${SP}+(?:jour|nuit|semaine|mois|an)|\/${SP}*(?:jour|semaine|mois)|avant|après|apres|plus${SP}+tard|à${SP}+l['’]avance|au${SP}+moins|maximum|minimum|de${SP}+suite|d['’]affilée|consécutives)(?![\p{L}])`,
  "iuy",
);

/** « après-midi », « après midi » and words ending in « midi » are not noon. */
function notNoon(text: string, index: number): boolean {
  if (index === 0) return false;
  const before = text.charAt(index - 1);
  return before === "-" || afterLetter(text, index) || AFTERNOON.test(text.slice(Math.max(0, index - 7), index));
}

export function timeValue(hours: number, minutes: number): string {
  return `${pad2(hours)}:${pad2(minutes)}`;
}

function minutesOf(quarter: string | undefined, minus: string | undefined, written: string | undefined): number | null {
  if (quarter !== undefined) return quarter.toLowerCase().startsWith("quart") ? 15 : 30;
  if (minus !== undefined) return -15;
  if (written === undefined) return 0;
  const n = /^\d/.test(written) ? Number(written) : parseFrenchNumber(written);
  return n !== null && n >= 0 && n < 60 ? n : null;
}

function isDuration(text: string, q: Quantity, end: number, fullWord: boolean, minutes: number): boolean {
  // « 24 heures » is a day's length; midnight is written « minuit » or « 0 h ».
  if (q.value > 24 || !Number.isInteger(q.value) || (q.value === 24 && minutes === 0)) return true;
  const before = text.slice(Math.max(0, q.start - 40), q.start);
  if (DURATION_BEFORE.test(before)) return true;
  if (STRONG_TIME_BEFORE.test(before)) return false;
  if (execAt(DURATION_AFTER, text, end) !== null) return true;
  if (!fullWord) return false;
  // « une heure » is « one hour » unless a time cue says otherwise; the same for words.
  return !TIME_BEFORE.test(before);
}

function build(text: string, q: Quantity, end: number, minutes: number, fullWord: boolean, explicitMinutes: boolean): UnitMatch | null {
  if (isDuration(text, q, end, fullWord, minutes)) {
    return { type: "duration", value: hoursValue(q.value, minutes), end, spread: (n) => hoursValue(n) };
  }
  let hours = q.value;
  let mins = minutes;
  if (mins < 0) {
    hours -= 1;
    mins += 60;
  }
  if (hours < 0 || hours > 24) return null;
  const spread = explicitMinutes ? undefined : (n: number): string | null =>
    Number.isInteger(n) && n >= 0 && n <= 24 ? timeValue(n, 0) : null;
  return { type: "time", value: timeValue(hours, mins), end, spread };
}

/** A quantity followed by « h », « heures » or « :MM ». */
export function matchHour(text: string, q: Quantity): UnitMatch | null {
  if (q.ordinal || q.literal !== undefined) return null;
  if (!q.words) {
    const colon = execAt(COLON, text, q.end);
    if (colon !== null) {
      const minutes = Number(colon[1]);
      if (!Number.isInteger(q.value) || q.value > 24 || minutes > 59) return null;
      return { type: "time", value: timeValue(q.value, minutes), end: q.end + colon[0].length };
    }
    const h = execAt(H_ABBREVIATED, text, q.end);
    if (h !== null) {
      const minutes = h[1] === undefined ? 0 : Number(h[1]);
      if (minutes > 59) return null;
      return build(text, q, q.end + h[0].length, minutes, false, h[1] !== undefined);
    }
  }
  const word = execAt(H_WORD, text, q.end);
  if (word === null) return null;
  const minutes = minutesOf(word[1], word[2], word[3]);
  if (minutes === null) return null;
  const explicit = word[1] !== undefined || word[2] !== undefined || word[3] !== undefined;
  // « 2 heures 30 minutes » is a duration whatever comes before it.
  if (word[4] !== undefined) {
    return { type: "duration", value: hoursValue(q.value, minutes), end: q.end + word[0].length };
  }
  return build(text, q, q.end + word[0].length, minutes, true, explicit);
}

/** « midi », « minuit », « midi et demi »: times with no number to anchor on. */
export function findNamedTimes(text: string, onMatch: (start: number, end: number, value: string) => void): void {
  MIDI.lastIndex = 0;
  for (let m = nextMatch(MIDI, text, notNoon); m !== null; m = nextMatch(MIDI, text, notNoon)) {
    const hours = (m[1] as string).toLowerCase() === "midi" ? 12 : 0;
    const extra = m[2]?.toLowerCase();
    let minutes = 0;
    if (extra !== undefined) minutes = extra.startsWith("quart") || extra === "quinze" ? 15 : extra.startsWith("demi") || extra === "trente" ? 30 : Number(extra);
    if (minutes > 59) continue;
    onMatch(m.index, m.index + m[0].length, timeValue(hours, minutes));
  }
}
