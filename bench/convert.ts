/**
 * `falc convert` against a local Messages API server that answers after a fixed delay: wall time
 * against the ideal (rounds × delay), falc's own overhead per section, a cached re-run, the prompt
 * cache's effect on input tokens, and the offline provider's scores on the fixtures.
 *   node --import tsx bench/convert.ts [delayMs]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
// The compiled library, as users run it (the SDK loads 4× slower through the TypeScript loader).
import { convertFiles } from "../dist/commands/convert.js";
import { startMockAnthropic } from "../tests/helpers/mock-anthropic.js";

const delayMs = Number(process.argv[2] ?? 1500);
const SECTIONS = 10;
const CONCURRENCY = 4;
const work = mkdtempSync(join(tmpdir(), "falc-bench-convert-"));

function document(): string {
  const parts = ["# Livret d’accueil", ""];
  for (let i = 1; i <= SECTIONS; i++) {
    parts.push(`## Partie ${i}`, "", `Vous arrivez au foyer le lundi 2 mars 2026.`, `Le repas coûte ${i + 5} euros.`, `Vous pouvez appeler l’accueil au 01 23 45 67 ${String(10 + i)}.`, "");
  }
  return parts.join("\n");
}

const mock = await startMockAnthropic([], { delayMs, apiKey: "sk-ant-bench" });
try {
  const input = join(work, "livret.md");
  writeFileSync(input, document());
  const env = { ANTHROPIC_API_KEY: "sk-ant-bench", ANTHROPIC_BASE_URL: mock.url };
  const options = { env, out: join(work, "out"), cacheDir: join(work, "cache"), concurrency: CONCURRENCY, maxRepairs: 0 };

  let start = performance.now();
  const first = await convertFiles([input], options);
  const wall = performance.now() - start;
  const sent = mock.requests.length;
  const rounds = Math.ceil(sent / CONCURRENCY);
  const ideal = rounds * delayMs;
  console.log(`Conversion : ${sent} sections envoyées, concurrence ${CONCURRENCY}, serveur local à ${delayMs} ms par réponse`);
  console.log(`  durée ${Math.round(wall)} ms pour un idéal de ${ideal} ms (${rounds} tours) : ${(wall / ideal).toFixed(2)} × l’idéal`);
  console.log(`  surcoût de falc : ${Math.round((wall - ideal) / sent)} ms par section (lecture, contrôles, garde-fou, sorties DOCX/MD/JSON comprises)`);
  const sections = first.files[0]!.result.sections.filter((s) => s.usage.requests > 0);
  const firstSection = [...sections].sort((a, b) => a.index - b.index)[0]!;
  const withCache = sections.filter((s) => s.usage.cache_read_input_tokens > 0);
  const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1));
  console.log(
    `  jetons d’entrée par section : ${firstSection.usage.input_tokens + firstSection.usage.cache_creation_input_tokens} sans le cache des consignes ; ` +
      `${mean(withCache.map((s) => s.usage.input_tokens))} facturés plein tarif + ${mean(withCache.map((s) => s.usage.cache_read_input_tokens))} lus dans le cache avec (${withCache.length} sections)`,
  );

  start = performance.now();
  await convertFiles([input], options);
  console.log(`Relance sans changement : ${Math.round(performance.now() - start)} ms, ${mock.requests.length - sent} requête(s) (document ignoré d’après falc-manifest.json)`);
  rmSync(join(options.out, "falc-manifest.json"));
  start = performance.now();
  await convertFiles([input], options);
  console.log(`Relance sans le manifeste : ${Math.round(performance.now() - start)} ms, ${mock.requests.length - sent} requête(s) (toutes les sections lues dans le cache)`);

  for (const name of ["contrat-de-sejour", "reglement-de-fonctionnement", "livret-d-accueil", "livret-falc"]) {
    const outcome = await convertFiles([`fixtures/${name}.docx`], { env: {}, out: join(work, "offline"), cache: false, formats: ["json"] });
    const { score, sections: s } = outcome.files[0]!.result;
    const missing = s.reduce((n, x) => n + x.facts.missing.length, 0);
    console.log(`Hors ligne, ${name}.docx : score ${score.before} → ${score.after}, informations manquantes : ${missing}`);
  }
} finally {
  await mock.close();
  rmSync(work, { recursive: true, force: true });
}
