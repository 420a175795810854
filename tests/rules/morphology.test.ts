import { describe, expect, it } from "vitest";
import { adjectiveForms, nounForms } from "../../src/rules/lexicon/inflect.js";
import { expandPattern } from "../../src/rules/lexicon/patterns.js";
import { conjugateLike, verbForms, verbParadigm } from "../../src/rules/lexicon/verbs.js";

describe("lexicon patterns", () => {
  it("expand optional pieces and alternatives", () => {
    expect(expandPattern("susmentionné(e)(s)").sort()).toEqual(["susmentionné", "susmentionnée", "susmentionnées", "susmentionnés"]);
    expect(expandPattern("à compter {du|de la}").sort()).toEqual(["à compter de la", "à compter du"]);
    expect(expandPattern("Afin  d’")).toEqual(["afin d'"]);
  });
});

describe("the conjugator", () => {
  it("conjugates regular and irregular verbs", () => {
    expect(verbForms("solliciter")).toEqual(expect.arrayContaining(["sollicite", "sollicitez", "sollicitait", "solliciterait", "sollicité", "sollicitées"]));
    expect(verbForms("percevoir")).toEqual(expect.arrayContaining(["perçoit", "percevons", "perçoivent", "percevra", "perçu", "perçues"]));
    expect(verbForms("acquérir")).toEqual(expect.arrayContaining(["acquiert", "acquièrent", "acquerra", "acquis"]));
    expect(verbForms("commencer")).toEqual(expect.arrayContaining(["commençons", "commençait", "commencions"]));
    expect(verbForms("appeler")).toEqual(expect.arrayContaining(["appelle", "appelons", "appellera"]));
    expect(verbForms("préférer")).toEqual(expect.arrayContaining(["préfère", "préférons"]));
    expect(verbForms("finir")).toEqual(expect.arrayContaining(["finissons", "finira", "fini"]));
    expect(verbForms("faire")).toEqual(expect.arrayContaining(["faites", "font", "fasse", "fera"]));
    expect(verbForms("xyzzre")).toBeUndefined();
    expect(verbParadigm("être")?.length).toBe(39);
  });

  it("puts a replacement verb in the same form, preferring the subject's person", () => {
    expect(conjugateLike("solliciter", "sollicitez", "demander")).toBe("demandez");
    expect(conjugateLike("effectuer", "effectue", "faire")).toBe("fait");
    expect(conjugateLike("effectuer", "effectue", "faire", 1)).toBe("fais");
    expect(conjugateLike("percevoir", "perçues", "recevoir")).toBe("reçues");
    expect(conjugateLike("solliciter", "nonsense", "demander")).toBeUndefined();
  });
});

describe("noun and adjective forms", () => {
  it("follow French plural and feminine rules with their exceptions", () => {
    expect(nounForms("hôpital")).toEqual(["hôpital", "hôpitaux"]);
    expect(nounForms("travail")).toEqual(["travail", "travaux"]);
    expect(nounForms("genou")).toEqual(["genou", "genoux"]);
    expect(nounForms("prix")).toEqual(["prix"]);
    expect(adjectiveForms("social")).toEqual(["social", "sociale", "sociaux", "sociales"]);
    expect(adjectiveForms("final")).toEqual(["final", "finale", "finals", "finales"]);
    expect(adjectiveForms("heureux")).toEqual(["heureux", "heureuse", "heureuses"]);
    expect(adjectiveForms("complet")).toEqual(["complet", "complète", "complets", "complètes"]);
    expect(adjectiveForms("public")).toEqual(["public", "publique", "publics", "publiques"]);
  });
});
