import type { RuleListing } from "../rules/listing.js";

const SEVERITY: Record<string, string> = { error: "erreur", warning: "attention", info: "conseil" };

/** `falc rules` for people: one block per family, each rule with its level and source. */
export function renderRulesText(listing: RuleListing): string {
  const lines: string[] = [];
  if (listing.config) lines.push(`Configuration : ${listing.config}`, "");
  const families = [...new Set(listing.rules.map((rule) => rule.family))];
  for (const family of families) {
    lines.push(`${family[0]!.toUpperCase()}${family.slice(1)}`);
    for (const rule of listing.rules.filter((r) => r.family === family)) {
      const level = rule.enabled ? SEVERITY[rule.severity] ?? rule.severity : "désactivée";
      lines.push(`  ${rule.id.padEnd(36)} ${level.padEnd(10)} ${firstSentence(rule.description)}`);
      lines.push(`  ${"".padEnd(36)} ${"".padEnd(10)} Source : ${rule.source.join(" ; ")}`);
      if (rule.origin !== "falc") lines.push(`  ${"".padEnd(36)} ${"".padEnd(10)} Paquet de règles : ${rule.origin} (${rule.file})`);
    }
    lines.push("");
  }
  const fromPacks = listing.rules.filter((r) => r.origin !== "falc").length;
  const origin = fromPacks === 0 ? "toutes de falc" : `${listing.rules.length - fromPacks} de falc, ${fromPacks} de paquets de règles`;
  lines.push(`${listing.rules.filter((r) => r.enabled).length} règles actives sur ${listing.rules.length} (${origin}) · version des règles ${listing.rulesVersion.slice(0, 12)}`);
  return lines.join("\n") + "\n";
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const end = flat.search(/[.!?](\s|$)/);
  return end === -1 ? flat : flat.slice(0, end + 1);
}
