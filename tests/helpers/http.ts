import type { IncomingMessage, ServerResponse } from "node:http";

/** Small pieces shared by the local API servers the tests run (Messages API, Chat Completions). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  return out;
}

export function parseJson(raw: string): any {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** The text of the last user message, whether its content is a string or a list of text blocks. */
export function lastUserText(body: any): string {
  const messages: any[] = Array.isArray(body?.messages) ? body.messages : [];
  const last = [...messages].reverse().find((message) => message?.role === "user");
  if (!last) return "";
  if (typeof last.content === "string") return last.content;
  if (Array.isArray(last.content)) return last.content.map((block: { text?: string }) => block.text ?? "").join("");
  return "";
}

/** Waits `ms` (a slow server), ending early when the client hangs up; `timers` lets close() clear it. */
export function sleepUnlessClosed(ms: number, res: ServerResponse, timers: Set<NodeJS.Timeout>): Promise<void> {
  return new Promise<void>((resolve) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
    res.once("close", () => {
      clearTimeout(timer);
      timers.delete(timer);
      resolve();
    });
  });
}

/**
 * Answers a local server keeps back until the test lets them go: a test sees requests in flight
 * together, or a request still unanswered when it interrupts the client, by waiting for them — never
 * by sleeping and hoping the machine was fast enough. `T` is what the server records of a request.
 */
export class HeldAnswers<T> {
  private holding: boolean;
  private readonly waiting: { request: T; go: () => void }[] = [];
  private readonly watchers: { count: number; resolve: (held: T[]) => void }[] = [];

  constructor(holding = false) {
    this.holding = holding;
  }

  /** The requests held now, oldest first. */
  get held(): T[] {
    return this.waiting.map((entry) => entry.request);
  }

  /** From now on, every answer waits for release(). */
  hold(): void {
    this.holding = true;
  }

  /**
   * Lets the `count` oldest held answers go. Without a count, lets them all go and holds no more:
   * later answers are sent at once.
   */
  release(count?: number): void {
    if (count === undefined) this.holding = false;
    for (const entry of this.waiting.splice(0, count ?? this.waiting.length)) entry.go();
  }

  /** Resolves, with the held requests, as soon as at least `count` answers are held at the same time. */
  whenHeld(count: number): Promise<T[]> {
    if (this.waiting.length >= count) return Promise.resolve(this.held);
    return new Promise((resolve) => this.watchers.push({ count, resolve }));
  }

  /** Called by the server before it answers: returns at once unless holding; ends early when the client hangs up. */
  wait(request: T, res: ServerResponse): Promise<void> {
    if (!this.holding) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const entry = { request, go: resolve };
      this.waiting.push(entry);
      res.once("close", () => {
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        resolve();
      });
      for (const watcher of this.watchers.filter((w) => this.waiting.length >= w.count)) {
        this.watchers.splice(this.watchers.indexOf(watcher), 1);
        watcher.resolve(this.held);
      }
    });
  }
}
