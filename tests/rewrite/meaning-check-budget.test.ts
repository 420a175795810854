import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { convertFiles } from "../../src/commands/convert.js";
import { createRunBudget } from "../../src/rewrite/budget.js";
import { createAnthropicChecker } from "../../src/rewrite/meaning-check/anthropic.js";
import { resultCost, usageCost } from "../../src/rewrite/meaning-check/cost.js";
import { withCheckBudget } from "../../src/rewrite/meaning-check/wrap.js";
import { isCheckRequest, startMockAnthropic, type MockAnthropic } from "../helpers/mock-anthropic.js";
import { tempDir, thrown } from "../helpers/temp.js";

const tmp = tempDir("falc-check-budget-");
const KEY = "sk-ant-test-CHECK-BUDGET";

let mock: MockAnthropic | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const request = {
  documentTitle: "Règlement",
  sectionIndex: 1,
  sectionTitle: "Tarifs",
  original: "La participation est de 2,50 € par heure. Elle est due chaque mois, sauf en cas d'absence pour maladie.",
  rewrite: "Vous payez 2,50 € par heure.\nVous payez chaque mois.\nVous ne payez pas si votre enfant est absent parce qu'il est malade.",
};

function checker(url: string) {
  return createAnthropicChecker({ model: "claude-haiku-5-5", env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: url } });
}

describe("the second reader and the run's budget", () => {
  it("counts a reading's real usage in the budget", async () => {
    // Usage written by hand: 300 tokens in, 12 out.
    mock = await startMockAnthropic([{ json: { changes: [] }, usage: { input_tokens: 300, output_tokens: 12, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 } }], { apiKey: KEY });
    const budget = createRunBudget({ maxCost: 1 });
    const answer = await withCheckBudget(checker(mock.url), budget).check(request);
    expect(answer.changes).toEqual([]);
    expect(answer.usage).toEqual({ requests: 1, input_tokens: 300, output_tokens: 12, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
    // Haiku 5.5: 0,10 $ in and 0,50 $ out per million: 300 × 0,1 / 10⁶ + 12 × 0,5 / 10⁶ = 0,000036 $.
    expect(budget.spent.cost).toBeCloseTo(0.000036, 12);
    expect(budget.spent.tokens).toBe(312);
    expect(budget.spent.calls).toBe(1);
  });

  it("refuses a reading whose worst case goes past --max-tokens-per-run, before sending it", async () => {
    mock = await startMockAnthropic([], { apiKey: KEY });
    const budget = createRunBudget({ maxTokensPerRun: 100 });
    const error = await thrown(() => withCheckBudget(checker(mock!.url), budget).check(request));
    expect(error.code).toBe("budget-exceeded");
    expect(error.message).toContain("La section « Tarifs »");
    expect(mock.requests).toEqual([]);
  });

  it("with --max-cost, refuses a check model without a known price before anything is sent", async () => {
    mock = await startMockAnthropic([], { apiKey: KEY });
    const input = tmp.write("price.md", "# Prix\n\n## Tarifs\n\nLa participation est de 2,50 € par heure, due chaque mois.\n");
    const error = await thrown(() =>
      convertFiles([input], { env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock!.url }, maxCost: 1, checkModel: "claude-unknown-9", cache: false, out: join(tmp.dir, "price-out") }),
    );
    expect(error.code).toBe("price-unknown");
    expect(error.message).toContain("« claude-unknown-9 »");
    expect(mock.requests).toEqual([]);
  });

  it("takes its turn behind the run's request limit: a 429 the SDK could not cure slows the run down, then the reading is sent again", async () => {
    let refused = 0;
    // The SDK retries a 429 three times itself; the fourth makes it give up, and the run's limiter takes over.
    mock = await startMockAnthropic(
      (recorded) => {
        if (isCheckRequest(recorded) && refused < 4) {
          refused++;
          return { status: 429, headers: { "retry-after-ms": "1" } };
        }
        return {};
      },
      { apiKey: KEY },
    );
    const input = tmp.write("slow.md", "# Prix\n\n## Tarifs\n\nLa participation est de 2,50 € par heure, due chaque mois.\n");
    const slowDowns: number[] = [];
    const outcome = await convertFiles([input], {
      env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url },
      cache: false,
      maxRepairs: 0,
      formats: ["json"],
      out: join(tmp.dir, "slow-out"),
      onSlowDown: (limit) => slowDowns.push(limit),
    });
    expect(outcome.exitCode).toBe(0);
    expect(slowDowns).toHaveLength(1);
    expect(mock.requests.filter(isCheckRequest)).toHaveLength(5);
    expect(outcome.files[0]!.result.sections.find((s) => s.title === "Tarifs")!.meaningCheck).toMatchObject({ checks: 1, changes: [] });
  });

  it("prices the second reader's tokens at the check model's price, the rest at the main model's", () => {
    // 3 requests in all, of which 1 reading: 600 tokens in, 40 out.
    const usage = { requests: 3, input_tokens: 1_000, output_tokens: 500, cache_read_input_tokens: 4_000, cache_creation_input_tokens: 0 };
    const check = { requests: 1, input_tokens: 600, output_tokens: 40, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
    // Sonnet 5.5 (2 $ in, 10 $ out, 0,10 $ cache read per million) for the rest: 400 × 2 + 460 × 10 + 4 000 × 0,1 = 5 800 → 0,0058 $.
    // Haiku 5.5 (0,10 $ in, 0,50 $ out) for the reading: 600 × 0,1 + 40 × 0,5 = 80 → 0,00008 $.
    expect(usageCost(usage, "claude-sonnet-5-5", { usage: check, model: "claude-haiku-5-5" })).toBeCloseTo(0.00588, 12);
    const section = { meaningCheck: { model: "claude-haiku-5-5", changes: [], checks: 1, usage: check } };
    expect(resultCost({ usage, model: "claude-sonnet-5-5", sections: [section] as never })).toBeCloseTo(0.00588, 12);
    // Without a reading, all of it at Sonnet's price: 1 000 × 2 + 500 × 10 + 4 000 × 0,1 = 7 400 → 0,0074 $.
    expect(usageCost(usage, "claude-sonnet-5-5")).toBeCloseTo(0.0074, 12);
  });
});
