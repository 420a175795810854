/** Pieces of the French failure messages shared by every remote provider. */

/** « 0,1 seconde », « 120 secondes » (French: singular below 2). */
export function seconds(ms: number): string {
  const value = Math.round(ms / 100) / 10;
  return `${value.toLocaleString("fr-FR")} ${value < 2 ? "seconde" : "secondes"}`;
}

export function triesText(attempts: number): string {
  return attempts > 1 ? ` après ${attempts} essais` : "";
}

export function hostOf(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return baseURL;
  }
}

/** `retry-after-ms` (OpenAI, Anthropic), then `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Pick<Headers, "get">, now = Date.now()): number | undefined {
  const ms = Number(headers.get("retry-after-ms") ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get("retry-after");
  if (value === null || value.trim() === "") return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
