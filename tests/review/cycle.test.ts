import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { convertFiles } from "../../src/commands/convert.js";
import { reviewDocument } from "../../src/commands/review.js";
import { ReviewFiller } from "../helpers/fill-review.js";
import { startMockAnthropic, type MockAnthropic } from "../helpers/mock-anthropic.js";
import { tempDir } from "../helpers/temp.js";

/**
 * The whole validation loop on the contract fixture, through the real SDK and the local Messages API
 * server: round 1 converts; the readers' verdicts, remarks, a comment and a tracked change come back
 * in the filled review document; round 2 sends one request per « pas compris » section and nothing
 * else; round 3, everything validated, sends nothing and writes the final version.
 */

const tmp = tempDir("falc-review-cycle-");
const KEY = "sk-ant-test-review";
const FIXTURE = "fixtures/contrat-de-sejour.docx";
let mock: MockAnthropic | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

interface Report {
  status: string;
  review: { round: number; validated: number; notUnderstood: number; edited: number; pending: number; reviewers: string[]; date: string | null; organisation: string | null };
  sections: { index: number; falc: string; review: { status: string; remarks: string[]; round: number } }[];
}

/** The contract fixture under `name`, its output folder, and the server the runs talk to. */
async function setup(name: string) {
  const server = await startMockAnthropic([], { apiKey: KEY });
  mock = server;
  const env = { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: server.url };
  const input = tmp.write(`${name}.docx`, readFileSync(FIXTURE));
  const out = join(tmp.dir, `${name}-sortie`);
  // No cache, so that a section kept is seen to be kept by the review, not served by the cache; no repair
  // round and no second reader, so that the requests counted are the revisions themselves.
  return { server, input, out, options: { env, out, cache: false, maxRepairs: 0, checkModel: false as const } };
}

const readReport = (out: string): Report => JSON.parse(readFileSync(join(out, "contrat-de-sejour.falc.json"), "utf8")) as Report;

describe("the validation loop, round after round", () => {
  it("freezes what was understood, revises what was not with the remarks, adopts edits, and ends with the readers' validation", async () => {
    const { server, input, out, options } = await setup("contrat-de-sejour");
    const reviewPath = join(out, "contrat-de-sejour.relecture.docx");

    // Round 1: a first draft, every section pending.
    await convertFiles([input], options);
    const round1 = readReport(out);
    expect(round1.review).toMatchObject({ round: 1, validated: 0, notUnderstood: 0, edited: 0, pending: 19 });
    expect(round1.sections.every((s) => s.review.status === "pending")).toBe(true);

    // The session: boxes ticked, remarks typed, a paper verdict typed in, a comment, a tracked change.
    const filled1 = new ReviewFiller(readFileSync(reviewPath))
      .tick(1, "compris")
      .tick(2, "pas compris")
      .remark(2, "Le mot « curateur » est difficile.")
      .typeOpinion(4, "x Pas compris", "Trop de chiffres dans la même phrase.")
      .typeOpinion(6, "OK !")
      .tick(7, "pas compris")
      .comment(7, "Animatrice", "APA : il faut expliquer ce sigle.")
      .trackedChange(9, "dépôt de garantie", "argent de garantie")
      .validation({ reviewers: ["Marie Dupont", "Paul Martin"] })
      .bytes();
    writeFileSync(reviewPath, filled1);
    const requestsBefore = server.requests.length;
    const notices: string[] = [];

    // Round 2: found by itself in the output folder (the manifest knows what falc wrote).
    await convertFiles([input], { ...options, onNotice: (n) => notices.push(n) });
    const sent = server.requests.slice(requestsBefore);
    expect(sent).toHaveLength(3);
    expect(sent.map((r) => r.userText.includes("Le mot « curateur » est difficile.") || r.userText.includes("Trop de chiffres dans la même phrase.") || r.userText.includes("APA : il faut expliquer ce sigle."))).toEqual([true, true, true]);
    expect(sent.every((r) => r.userText.includes("Elles ne l'ont pas compris"))).toBe(true);
    expect(notices.some((n) => n.includes("a été rempli depuis que falc l’a écrit"))).toBe(true);
    // The filled document is kept as it was, under its round's number.
    expect(readFileSync(join(out, "contrat-de-sejour.relecture.1.docx"))).toEqual(Buffer.from(filled1));

    const round2 = readReport(out);
    expect(round2.review).toMatchObject({ round: 2, validated: 2, notUnderstood: 3, edited: 1, pending: 13, reviewers: ["Marie Dupont", "Paul Martin"] });
    expect(round2.sections[1]!.falc).toBe(round1.sections[1]!.falc);
    expect(round2.sections[6]!.falc).toBe(round1.sections[6]!.falc);
    expect(round2.sections[1]!.review).toEqual({ status: "validated", remarks: [], round: 1 });
    expect(round2.sections[2]!.review.status).toBe("revised");
    expect(round2.sections[2]!.review.remarks).toEqual(["Le mot « curateur » est difficile."]);
    expect(round2.sections[7]!.review.remarks).toEqual(["APA : il faut expliquer ce sigle."]);
    expect(round2.sections[9]!.review.status).toBe("edited");
    // The tracked change, accepted: that word and nothing else differs.
    expect(round2.sections[9]!.falc).toBe(round1.sections[9]!.falc.replace("dépôt de garantie", "argent de garantie"));
    expect(round2.status).toBe("brouillon à valider par ses lecteurs");

    // The new review document carries the verdicts and the names already given.
    const status2 = (await reviewDocument(reviewPath, "json")).report;
    expect(status2.round).toBe(2);
    expect(status2.counts.validated).toBe(2);
    expect(status2.validation.reviewers).toEqual(["Marie Dupont", "Paul Martin"]);

    // Round 3: every section understood, the closing table dated.
    const filler = new ReviewFiller(readFileSync(reviewPath));
    for (let i = 0; i < 19; i++) if (i !== 1 && i !== 6) filler.tick(i, "compris");
    const filled2 = filler.validation({ date: "12 décembre 2026", organisation: "ESAT Les Tilleuls" }).bytes();
    writeFileSync(reviewPath, filled2);
    const requestsBefore3 = server.requests.length;
    await convertFiles([input], options);
    expect(server.requests.length - requestsBefore3).toBe(0);
    const round3 = readReport(out);
    expect(round3.review).toMatchObject({ round: 3, validated: 19, notUnderstood: 0, edited: 0, pending: 0, date: "12 décembre 2026", organisation: "ESAT Les Tilleuls" });
    expect(round3.status).toBe("validé par ses lecteurs");
    const markdown = readFileSync(join(out, "contrat-de-sejour.falc.md"), "utf8");
    expect(markdown).toContain("Ce texte a été relu et validé par Marie Dupont et Paul Martin le 12 décembre 2026.");
    expect(markdown).not.toContain("brouillon");
    // Both filled documents are still there, unchanged.
    expect(readFileSync(join(out, "contrat-de-sejour.relecture.1.docx"))).toEqual(Buffer.from(filled1));
    expect(readFileSync(join(out, "contrat-de-sejour.relecture.2.docx"))).toEqual(Buffer.from(filled2));
    expect(existsSync(join(out, "contrat-de-sejour.relecture.3.docx"))).toBe(false);
  });
});

const hasSoffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;

describe.skipIf(!hasSoffice)("a filled review document saved again by LibreOffice", () => {
  it("gives the same second round: one request per « pas compris », the same statuses, the edit adopted", async () => {
    const { server, input, out, options } = await setup("lo");
    await convertFiles([input], options);
    const reviewPath = join(out, "lo.relecture.docx");
    const filled = new ReviewFiller(readFileSync(reviewPath))
      .tick(1, "compris")
      .tick(2, "pas compris")
      .remark(2, "Le mot « curateur » est difficile.")
      .comment(7, "Animatrice", "APA : il faut expliquer ce sigle.")
      .tick(7, "pas compris")
      .trackedChange(9, "dépôt de garantie", "argent de garantie")
      .bytes();
    const staged = tmp.write("lo-rempli.docx", filled);
    execFileSync("soffice", [`-env:UserInstallation=file://${tmp.path("lo-profile")}`, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp.path("lo-saved"), staged], {
      stdio: "ignore",
      timeout: 120_000,
    });
    copyFileSync(tmp.path("lo-saved/lo-rempli.docx"), reviewPath);
    const before = server.requests.length;
    await convertFiles([input], options);
    const sent = server.requests.slice(before);
    expect(sent).toHaveLength(2);
    const report = JSON.parse(readFileSync(join(out, "lo.falc.json"), "utf8")) as Report;
    expect(report.sections.map((s) => s.review.status).filter((status) => status !== "pending")).toEqual(["validated", "revised", "revised", "edited"]);
    expect(report.sections[9]!.falc).toContain("argent de garantie");
  });
});
