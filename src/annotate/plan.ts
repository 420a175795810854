import type { FalcDocument, TextUnit } from "../model/types.js";
import { isCollapsible } from "../ingest/origin.js";
import type { Finding } from "../rules/finding.js";
import { unitIndexAt, unitsWithText } from "../source/positions.js";

/**
 * Which comments an annotated copy gets and where: findings of one rule in one sentence make one
 * comment, anchored from the first flagged character to the last one, each end given as a source
 * paragraph (its element's place in the part) and a character of its text as falc read it.
 */

/** One end of a comment's range: the `kept`-th character (white space left out) of `text`, read from paragraph `paragraph`. */
export interface CommentAnchor {
  paragraph: number;
  /** The paragraph's text as falc read it, to be found again in the XML. */
  text: string;
  kept: number;
}

export interface PlannedComment {
  ruleId: string;
  /** The comment's paragraphs: the French message(s), the suggestion(s), the rule. */
  paragraphs: string[];
  start: CommentAnchor;
  /** The last flagged character. */
  end: CommentAnchor;
}

export interface CommentPlan {
  comments: PlannedComment[];
  /** Groups of findings with no paragraph to hang on (notes, paragraphs falc could not match). */
  unplaced: number;
}

export function planComments(document: FalcDocument, findings: readonly Finding[]): CommentPlan {
  const units = document.sections.flatMap((section) => section.blocks.flatMap((block) => unitsWithText(block)));
  const groups = new Map<string, { unit: TextUnit; findings: Finding[] }>();
  let unplaced = 0;
  for (const finding of findings) {
    const index = unitIndexAt(units, finding.offset);
    if (index < 0) {
      unplaced++;
      continue;
    }
    // The excerpt starts at the sentence: one rule, one sentence, one comment.
    const sentence = finding.offset - (finding.excerptOffset ?? 0);
    const key = `${index}\u0000${finding.ruleId}\u0000${sentence}`;
    const group = groups.get(key);
    if (group) group.findings.push(finding);
    else groups.set(key, { unit: units[index]!, findings: [finding] });
  }
  const comments: PlannedComment[] = [];
  for (const { unit, findings: members } of groups.values()) {
    // A finding on a whole list or table (its layout) ends in its last item or cell.
    const to = Math.max(...members.map((finding) => finding.offset + finding.length));
    const last = units[unitIndexAt(units, Math.max(unit.start, to - 1))] ?? unit;
    const comment = placeComment(unit, last, members, to);
    if (comment) comments.push(comment);
    else unplaced++;
  }
  return { comments, unplaced };
}

function placeComment(unit: TextUnit, lastUnit: TextUnit, members: Finding[], to: number): PlannedComment | undefined {
  const from = Math.min(...members.map((finding) => finding.offset)) - unit.start;
  const kept = keptPositions(unit);
  const first = kept.findIndex((position) => position >= from);
  const lastKept = keptPositions(lastUnit);
  let last = -1;
  for (let i = lastKept.length - 1; i >= 0; i--) {
    if (lastKept[i]! < to - lastUnit.start) {
      last = i;
      break;
    }
  }
  if (first < 0 || last < 0 || (lastUnit === unit && last < first)) return undefined;
  const start = anchorAt(paragraphSegments(unit, kept), first);
  const end = anchorAt(paragraphSegments(lastUnit, lastKept), last);
  if (!start || !end) return undefined;
  return { ruleId: members[0]!.ruleId, paragraphs: commentText(members), start, end };
}

function keptPositions(unit: TextUnit): number[] {
  const kept: number[] = [];
  for (let i = 0; i < unit.text.length; i++) if (!isCollapsible(unit.text.charCodeAt(i))) kept.push(i);
  return kept;
}

interface Segment {
  paragraph: number;
  text: string;
  /** First and past-the-last kept character of the unit in this paragraph. */
  from: number;
  to: number;
}

/** The stretches of a unit read from each source paragraph (a table cell can hold several). */
function paragraphSegments(unit: TextUnit, kept: number[]): Segment[] {
  const marks = (unit.origin ?? []).filter((mark) => mark.paragraph !== undefined && !mark.note);
  return marks.map((mark, i) => {
    const next = marks[i + 1]?.at ?? kept.length;
    const textFrom = kept[mark.at] ?? unit.text.length;
    const textTo = next < kept.length ? kept[next]! : unit.text.length;
    return { paragraph: mark.paragraph!, text: unit.text.slice(textFrom, textTo), from: mark.at, to: next };
  });
}

function anchorAt(segments: Segment[], kept: number): CommentAnchor | undefined {
  const segment = segments.find((s) => s.from <= kept && kept < s.to);
  return segment ? { paragraph: segment.paragraph, text: segment.text, kept: kept - segment.from } : undefined;
}

/** Each distinct message, each followed by its suggestion, then the rule's name (to look it up or turn it off). */
function commentText(members: Finding[]): string[] {
  const paragraphs: string[] = [];
  const seen = new Set<string>();
  for (const finding of members) {
    const message = finding.suggestion ? `${finding.message}\n→ ${finding.suggestion}` : finding.message;
    if (seen.has(message)) continue;
    seen.add(message);
    paragraphs.push(finding.message);
    if (finding.suggestion) paragraphs.push(`→ ${finding.suggestion}`);
  }
  if (members.length > 1) paragraphs.push(`(${members.length} fois dans cette phrase)`);
  paragraphs.push(`Règle falc : ${members[0]!.ruleId}`);
  return paragraphs;
}
