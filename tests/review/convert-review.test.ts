import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertFiles } from "../../src/commands/convert.js";
import { reviewDocument } from "../../src/commands/review.js";
import { ReviewFiller } from "../helpers/fill-review.js";
import { runCli } from "../helpers/cli.js";
import { tempDir, thrown } from "../helpers/temp.js";

/** The review loop's edges, with the offline rewrite (no network, no key). */

const tmp = tempDir("falc-convert-review-");
const offline = { provider: "offline" as const, cache: false, env: {} };

async function firstRound(name: string) {
  const input = tmp.write(`${name}.md`, readFileSync("fixtures/contrat-de-sejour.md", "utf8"));
  const out = join(tmp.dir, `${name}-sortie`);
  await convertFiles([input], { ...offline, out });
  return { input, out, review: join(out, `${name}.relecture.docx`) };
}

describe("falc convert --review", () => {
  it("keeps a « pas compris » section as it is with the offline rewrite, and says it must be rewritten by hand", async () => {
    const { input, out, review } = await firstRound("hors-ligne");
    const before = JSON.parse(readFileSync(join(out, "hors-ligne.falc.json"), "utf8"));
    writeFileSync(review, new ReviewFiller(readFileSync(review)).tick(2, "pas compris").remark(2, "Trop long.").bytes());
    const notices: string[] = [];
    await convertFiles([input], { ...offline, out, onNotice: (n) => notices.push(n) });
    const after = JSON.parse(readFileSync(join(out, "hors-ligne.falc.json"), "utf8"));
    expect(after.sections[2].falc).toBe(before.sections[2].falc);
    expect(after.sections[2].review).toEqual({ status: "not-understood", remarks: ["Trop long."], round: 1 });
    expect(notices.some((n) => n.includes("ne peuvent pas être prises en compte automatiquement") && n.includes("passage 3"))).toBe(true);
  });

  it("reads a review document given from elsewhere, and refuses one written for another source", async () => {
    const { input, review } = await firstRound("contrat");
    const filled = tmp.write("relecture-remplie.docx", new ReviewFiller(readFileSync(review)).tick(1, "compris").bytes());
    const out2 = join(tmp.dir, "autre-sortie");
    await convertFiles([input], { ...offline, out: out2, review: filled });
    expect(JSON.parse(readFileSync(join(out2, "contrat.falc.json"), "utf8")).review.validated).toBe(1);
    // The document given is only read.
    expect(existsSync(join(tmp.dir, "relecture-remplie.1.docx"))).toBe(false);

    const other = tmp.write("autre.md", "# Règlement\n\nLes repas sont servis à midi dans la salle commune du rez-de-chaussée.\n");
    const error = await thrown(() => convertFiles([other], { ...offline, out: join(tmp.dir, "x"), review: filled }));
    expect(error).toMatchObject({ code: "review-other-source", exitCode: 2 });
    expect(error.message).toContain("a été écrit pour « contrat.md »");
  });

  it("no longer holds a validation once the original of that section changed: rewritten and marked « à relire »", async () => {
    const { input, out, review } = await firstRound("change");
    writeFileSync(review, new ReviewFiller(readFileSync(review)).tick(2, "compris").tick(3, "compris").bytes());
    const source = readFileSync(input, "utf8");
    // The object of the contract (section 3, Article 2) gains a clause.
    const changed = source.replace("Le présent contrat a pour objet", "Le présent contrat, signé en deux exemplaires, a pour objet");
    expect(changed).not.toBe(source);
    writeFileSync(input, changed);
    await convertFiles([input], { ...offline, out });
    const report = JSON.parse(readFileSync(join(out, "change.falc.json"), "utf8"));
    expect(report.sections[2].review.status).toBe("validated");
    expect(report.sections[3].review.status).toBe("changed");
    expect(report.sections[3].falc).toContain("2 exemplaires");
    const status = (await reviewDocument(review, "json")).report;
    expect(status.sections[2]!.status).toBe("validated");
    expect(status.sections[3]!.status).toBe("pending");
  });

  it("counts in --dry-run only the sections the review sends back to the model", async () => {
    const { input, review } = await firstRound("estimation");
    writeFileSync(review, new ReviewFiller(readFileSync(review)).tick(1, "compris").tick(2, "pas compris").bytes());
    const { dryRun } = await import("../../src/commands/convert-dry-run.js");
    const text = await dryRun([input], { review, env: {} });
    // 12 sections: every one already has a draft; only the « pas compris » one goes back.
    expect(text.match(/gardée telle quelle \(relecture\)/g)).toHaveLength(11);
    expect(text).toMatch(/ {3}3\. Article 1 – Désignation des parties +\d+ mots/);
  });

  it("takes one document only with --review", async () => {
    const a = tmp.write("a.md", "# A\n\nLe texte de A est assez long pour être réécrit par falc ici.\n");
    const b = tmp.write("b.md", "# B\n\nLe texte de B est assez long pour être réécrit par falc ici.\n");
    const error = await thrown(() => convertFiles([a, b], { ...offline, out: join(tmp.dir, "ab"), review: "r.docx" }));
    expect(error).toMatchObject({ code: "review-one-document", exitCode: 2 });
  });

  it("never writes over a document a person made under the review document's name", async () => {
    const { input, out, review } = await firstRound("perso");
    writeFileSync(review, "mes notes de réunion");
    await convertFiles([input], { ...offline, out });
    expect(readFileSync(join(out, "perso.relecture.copie.docx"), "utf8")).toBe("mes notes de réunion");
    expect(readFileSync(review).subarray(0, 2).toString()).toBe("PK");
  });

  it("writes over its own untouched review document, keeping no copy", async () => {
    const { input, out } = await firstRound("intact");
    await convertFiles([input], { ...offline, out });
    expect(existsSync(join(out, "intact.relecture.1.docx"))).toBe(false);
  });
});

describe("falc review", () => {
  it("prints where the validation stands, and exits 2 on a file that is not a review document", async () => {
    const { review, input } = await firstRound("etat");
    writeFileSync(review, new ReviewFiller(readFileSync(review)).tick(0, "compris").tick(3, "pas compris").remark(3, "Le mot « APA ».").bytes());
    const ok = await runCli("review", review);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("✔ Compris : 1");
    expect(ok.stdout).toContain("✘ Pas compris : 1");
    expect(ok.stdout).toContain("« Le mot « APA ». »");
    const json = (await reviewDocument(review, "json", { source: input })).report;
    expect(json.counts).toEqual({ sections: 12, validated: 1, notUnderstood: 1, edited: 0, pending: 10 });
    const bad = await runCli("review", input);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("n’est pas un document de relecture écrit par falc");
    expect(bad.stderr).not.toContain("    at ");
  });

  it("gives a clear message when -o names an existing file", async () => {
    const file = tmp.write("pas-un-dossier", "x");
    const input = tmp.write("court.md", "# Titre\n\nUn texte assez long pour être réécrit par falc sans clé.\n");
    const run = await runCli("convert", input, "-o", file, "--provider", "offline");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Impossible d’écrire ${file} : un fichier porte déjà ce nom`);
    expect(run.stderr).not.toContain("Erreur inattendue");
  });
});
