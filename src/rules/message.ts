/** `{name}` placeholders in rule messages and suggestions. */
const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

export type MessageData = Readonly<Record<string, string | number>>;

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/** A template cut once into literal pieces (even indices) and placeholder names (odd indices). */
const compiled = new Map<string, string[]>();

function pieces(template: string): string[] {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = template.split(PLACEHOLDER);
    compiled.set(template, parts);
  }
  return parts;
}

/** Fills the placeholders; returns undefined when one of them has no value. */
export function interpolate(template: string, data: MessageData): string | undefined {
  return fillTemplate(template, (name) => data[name]);
}

/** Something that gives placeholder values on demand (the engine slices the matched text only if needed). */
export interface ValueSource {
  value(name: string): string | number | undefined;
}

export function fillTemplate(template: string, source: ValueSource | ((name: string) => string | number | undefined)): string | undefined {
  const parts = pieces(template);
  if (parts.length === 1) return template;
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const value = typeof source === "function" ? source(parts[i]!) : source.value(parts[i]!);
    if (value === undefined) return undefined;
    text += (typeof value === "number" ? formatNumber(value) : value) + parts[i + 1]!;
  }
  return text;
}

/** French number formatting: « 1,5 », and a thin space in thousands is not needed for our counts. */
function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(value).replace(".", ",");
}

/** « « qui », « et » et « lorsque » » — a French list of quoted words. */
export function quotedList(words: readonly string[]): string {
  const quoted = words.map((word) => `« ${word} »`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} et ${quoted[quoted.length - 1]}`;
}
