/**
 * Hard-wrapped prose (text files, e-mails, Markdown written in an editor) and one-sentence-per-line
 * FALC text both put line breaks inside a paragraph. A break is a wrap when the line does not end a
 * sentence and the next line continues it (starts with a lowercase letter, a digit or a closing mark);
 * then the lines are joined with a space. Otherwise the break is kept: it is the author's.
 */
const ENDS_SENTENCE = /[.!?:;…»"”)\]]\s*$/u;
const CONTINUES = /^\s*[\p{Ll}\d,;:)»”]/u;

export function joinWrappedLines(text: string): string {
  const lines = text.split("\n");
  let out = lines[0] ?? "";
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const previous = lines[i - 1]!;
    const isWrap = !ENDS_SENTENCE.test(previous) && CONTINUES.test(line);
    out += isWrap ? " " + line.trimStart() : "\n" + line;
  }
  return out;
}
