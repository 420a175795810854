/** ODF lengths ("12pt", "0.5cm", "0.1in") in points; undefined for anything else. */
const POINTS_PER_UNIT: Record<string, number> = {
  pt: 1,
  pc: 12,
  in: 72,
  cm: 72 / 2.54,
  mm: 72 / 25.4,
  px: 0.75,
};

const LENGTH = /^\s*(-?\d+(?:\.\d+)?|-?\.\d+)\s*(pt|pc|in|cm|mm|px)\s*$/i;

export function parseLength(value: string): number | undefined {
  const match = LENGTH.exec(value);
  if (!match) return undefined;
  const points = Number.parseFloat(match[1]!) * POINTS_PER_UNIT[match[2]!.toLowerCase()]!;
  return Math.round(points * 100) / 100;
}
