/**
 * Gathers small pieces of output and hands them on in chunks of about 64 K characters: a long report is
 * written as it is made, never held as one string, and the sink (stdout, a file) is not called for every
 * line. `flush` at the end hands on what is left.
 */
const CHUNK_CHARS = 64 * 1024;

export class ChunkedWriter {
  private pieces: string[] = [];
  private size = 0;

  constructor(private readonly sink: (text: string) => void) {}

  write(text: string): void {
    this.pieces.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (this.size === 0) return;
    const chunk = this.pieces.join("");
    this.pieces = [];
    this.size = 0;
    this.sink(chunk);
  }
}
