/**
 * A small French conjugator for the word lists: it gives the forms a reader meets (infinitive, present,
 * imperfect, future, conditional, subjunctive, passé simple 3rd persons, participles, imperative), in
 * fixed slots, so that a replacement verb can be put in the same form as the verb it replaces
 * (« sollicitez » → « demandez »). It covers the regular groups and the usual irregular families; it
 * does not pretend to be a full conjugation dictionary.
 */

/** Slot order: infinitive, 6 present, 6 imperfect, 6 future, 6 conditional, 6 subjunctive,
 *  passé simple 3s/3p, present participle, past participle ms/fs/mp/fp, imperative 2s. */
export const SLOT_COUNT = 39;

const IMP = ["ais", "ais", "ait", "ions", "iez", "aient"];
const FUT = ["ai", "as", "a", "ons", "ez", "ont"];
const SUBJ = ["e", "es", "e", "ions", "iez", "ent"];
const PP = ["", "e", "s", "es"];

interface Parts {
  inf: string;
  pres: string[];
  imp: string[];
  fut: string;
  subj: string[];
  ps: [string, string];
  ppres: string;
  pp: string[];
  impv: string;
  extra?: string[];
}

const add = (stem: string, endings: string[]): string[] => endings.map((ending) => stem + ending);
const pp4 = (ms: string): string[] => (ms.endsWith("s") ? [ms, ms + "e", ms, ms + "es"] : add(ms, PP));

function paradigm(parts: Parts): string[] {
  return [
    parts.inf,
    ...parts.pres,
    ...parts.imp,
    ...add(parts.fut, FUT),
    ...add(parts.fut, IMP),
    ...parts.subj,
    ...parts.ps,
    parts.ppres,
    ...parts.pp,
    parts.impv,
  ];
}

/** A regular conjugation from three stems, the pattern of most 3rd-group families. */
function regular(p: {
  inf: string;
  sing: [string, string, string];
  plural: string;
  third: string;
  fut: string;
  ps: [string, string];
  pp: string;
  subj?: string;
  subjP?: string;
}): Parts {
  const subj = p.subj ?? p.third;
  const subjP = p.subjP ?? p.plural;
  return {
    inf: p.inf,
    pres: [...p.sing, p.plural + "ons", p.plural + "ez", p.third + "ent"],
    imp: add(p.plural, IMP),
    fut: p.fut,
    subj: [subj + "e", subj + "es", subj + "e", subjP + "ions", subjP + "iez", subj + "ent"],
    ps: p.ps,
    ppres: p.plural + "ant",
    pp: pp4(p.pp),
    impv: p.sing[0],
  };
}

const DOUBLING = new Set(["appeler", "rappeler", "jeter", "rejeter", "projeter", "interjeter", "renouveler", "épeler", "ficeler", "étiqueter", "feuilleter"]);
const CONSONANT = "[^aeiouyàâäéèêëîïôöùûüœ]";
const STRESSABLE = new RegExp(`^(.*)([eé])(${CONSONANT}(?:[rl])?)$`);

function firstGroup(verb: string): Parts {
  const stem = verb.slice(0, -2);
  const soft = stem.endsWith("c") ? stem.slice(0, -1) + "ç" : stem.endsWith("g") ? stem + "e" : stem;
  let strong = stem;
  let futStem = verb;
  const extra: string[] = [];
  if (/[ou]y$/.test(stem) || stem.endsWith("ay")) {
    strong = stem.slice(0, -1) + "i";
    futStem = strong + "er";
    if (stem.endsWith("ay")) extra.push(...add(stem, ["e", "es", "ent"]), verb.slice(0, -2) + "erai");
    if (verb.endsWith("envoyer")) futStem = verb.slice(0, -5) + "verr";
  } else if (DOUBLING.has(verb)) {
    strong = stem + stem.slice(-1);
    futStem = strong + "er";
  } else {
    const match = STRESSABLE.exec(stem);
    if (match !== null) {
      strong = match[1] + "è" + match[3];
      if (match[2] === "e") futStem = strong + "er";
    }
  }
  return {
    inf: verb,
    pres: [strong + "e", strong + "es", strong + "e", soft + "ons", stem + "ez", strong + "ent"],
    imp: [soft + "ais", soft + "ais", soft + "ait", stem + "ions", stem + "iez", soft + "aient"],
    fut: futStem,
    subj: [strong + "e", strong + "es", strong + "e", stem + "ions", stem + "iez", strong + "ent"],
    ps: [soft + "a", stem + "èrent"],
    ppres: soft + "ant",
    pp: add(stem + "é", PP),
    impv: strong + "e",
    extra,
  };
}

function secondGroup(verb: string): Parts {
  const s = verb.slice(0, -2);
  return regular({ inf: verb, sing: [s + "is", s + "is", s + "it"], plural: s + "iss", third: s + "iss", fut: verb, ps: [s + "it", s + "irent"], pp: s + "i" });
}

/** Irregular verbs and families, keyed by the ending they share; `p` is what precedes the ending. */
const FAMILIES: [string, (p: string) => Parts][] = [
  ["venir", (p) => ({ ...regular({ inf: p + "venir", sing: [p + "viens", p + "viens", p + "vient"], plural: p + "ven", third: p + "vienn", fut: p + "viendr", ps: [p + "vint", p + "vinrent"], pp: p + "venu", subjP: p + "ven" }) })],
  ["tenir", (p) => regular({ inf: p + "tenir", sing: [p + "tiens", p + "tiens", p + "tient"], plural: p + "ten", third: p + "tienn", fut: p + "tiendr", ps: [p + "tint", p + "tinrent"], pp: p + "tenu", subjP: p + "ten" })],
  ["prendre", (p) => regular({ inf: p + "prendre", sing: [p + "prends", p + "prends", p + "prend"], plural: p + "pren", third: p + "prenn", fut: p + "prendr", ps: [p + "prit", p + "prirent"], pp: p + "pris", subjP: p + "pren" })],
  ["mettre", (p) => regular({ inf: p + "mettre", sing: [p + "mets", p + "mets", p + "met"], plural: p + "mett", third: p + "mett", fut: p + "mettr", ps: [p + "mit", p + "mirent"], pp: p + "mis" })],
  ["battre", (p) => regular({ inf: p + "battre", sing: [p + "bats", p + "bats", p + "bat"], plural: p + "batt", third: p + "batt", fut: p + "battr", ps: [p + "battit", p + "battirent"], pp: p + "battu" })],
  ["cevoir", (p) => regular({ inf: p + "cevoir", sing: [p + "çois", p + "çois", p + "çoit"], plural: p + "cev", third: p + "çoiv", fut: p + "cevr", ps: [p + "çut", p + "çurent"], pp: p + "çu", subjP: p + "cev" })],
  ["mouvoir", (p) => regular({ inf: p + "mouvoir", sing: [p + "meus", p + "meus", p + "meut"], plural: p + "mouv", third: p + "meuv", fut: p + "mouvr", ps: [p + "mut", p + "murent"], pp: p + "mu", subjP: p + "mouv" })],
  ["voir", (p) => ({ ...regular({ inf: p + "voir", sing: [p + "vois", p + "vois", p + "voit"], plural: p + "voy", third: p + "voi", fut: p === "pré" || p === "pour" ? p + "voir" : p + "verr", ps: [p + "vit", p + "virent"], pp: p + "vu", subjP: p + "voy" }) })],
  ["quérir", (p) => regular({ inf: p + "quérir", sing: [p + "quiers", p + "quiers", p + "quiert"], plural: p + "quér", third: p + "quièr", fut: p + "querr", ps: [p + "quit", p + "quirent"], pp: p + "quis", subjP: p + "quér" })],
  ["courir", (p) => regular({ inf: p + "courir", sing: [p + "cours", p + "cours", p + "court"], plural: p + "cour", third: p + "cour", fut: p + "courr", ps: [p + "courut", p + "coururent"], pp: p + "couru" })],
  ["cueillir", (p) => ({ ...firstGroup(p + "cueiller"), inf: p + "cueillir", pp: pp4(p + "cueilli"), ps: [p + "cueillit", p + "cueillirent"] })],
  ["vrir", (p) => ({ ...regular({ inf: p + "vrir", sing: [p + "vre", p + "vres", p + "vre"], plural: p + "vr", third: p + "vr", fut: p + "vrir", ps: [p + "vrit", p + "vrirent"], pp: p + "vert" }), impv: p + "vre" })],
  ["frir", (p) => ({ ...regular({ inf: p + "frir", sing: [p + "fre", p + "fres", p + "fre"], plural: p + "fr", third: p + "fr", fut: p + "frir", ps: [p + "frit", p + "frirent"], pp: p + "fert" }), impv: p + "fre" })],
  ["naître", (p) => ({ ...regular({ inf: p + "naître", sing: [p + "nais", p + "nais", p + "naît"], plural: p + "naiss", third: p + "naiss", fut: p + "naîtr", ps: [p + "naquit", p + "naquirent"], pp: p + "né" }), extra: [p + "nait", p + "naitre"] })],
  ["aître", (p) => ({ ...regular({ inf: p + "aître", sing: [p + "ais", p + "ais", p + "aît"], plural: p + "aiss", third: p + "aiss", fut: p + "aîtr", ps: [p + "ut", p + "urent"], pp: p + "u" }), extra: [p + "ait", p + "aitre"] })],
  ["uire", (p) => regular({ inf: p + "uire", sing: [p + "uis", p + "uis", p + "uit"], plural: p + "uis", third: p + "uis", fut: p + "uir", ps: [p + "uisit", p + "uisirent"], pp: p + "uit" })],
  ["indre", (p) => regular({ inf: p + "indre", sing: [p + "ins", p + "ins", p + "int"], plural: p + "ign", third: p + "ign", fut: p + "indr", ps: [p + "ignit", p + "ignirent"], pp: p + "int" })],
  ["crire", (p) => regular({ inf: p + "crire", sing: [p + "cris", p + "cris", p + "crit"], plural: p + "criv", third: p + "criv", fut: p + "crir", ps: [p + "crivit", p + "crivirent"], pp: p + "crit" })],
  ["suffire", (p) => ({ ...regular({ inf: p + "suffire", sing: [p + "suffis", p + "suffis", p + "suffit"], plural: p + "suffis", third: p + "suffis", fut: p + "suffir", ps: [p + "suffit", p + "suffirent"], pp: p + "suffi" }), pp: Array(4).fill(p + "suffi") })],
  ["dire", (p) => {
    const parts = regular({ inf: p + "dire", sing: [p + "dis", p + "dis", p + "dit"], plural: p + "dis", third: p + "dis", fut: p + "dir", ps: [p + "dit", p + "dirent"], pp: p + "dit" });
    // « vous dites », « vous redites », but « vous interdisez ».
    if (p === "" || p === "re") parts.pres[4] = p + "dites";
    return { ...parts, extra: [p + "disez"] };
  }],
  ["lire", (p) => regular({ inf: p + "lire", sing: [p + "lis", p + "lis", p + "lit"], plural: p + "lis", third: p + "lis", fut: p + "lir", ps: [p + "lut", p + "lurent"], pp: p + "lu" })],
  ["rire", (p) => ({ ...regular({ inf: p + "rire", sing: [p + "ris", p + "ris", p + "rit"], plural: p + "ri", third: p + "ri", fut: p + "rir", ps: [p + "rit", p + "rirent"], pp: p + "ri" }), pp: Array(4).fill(p + "ri") })],
  ["faire", (p) => {
    const parts = regular({ inf: p + "faire", sing: [p + "fais", p + "fais", p + "fait"], plural: p + "fais", third: p + "fass", fut: p + "fer", ps: [p + "fit", p + "firent"], pp: p + "fait", subjP: p + "fass" });
    return { ...parts, pres: [p + "fais", p + "fais", p + "fait", p + "faisons", p + "faites", p + "font"] };
  }],
  ["plaire", (p) => ({ ...regular({ inf: p + "plaire", sing: [p + "plais", p + "plais", p + "plaît"], plural: p + "plais", third: p + "plais", fut: p + "plair", ps: [p + "plut", p + "plurent"], pp: p + "plu" }), extra: [p + "plait"] })],
  ["traire", (p) => regular({ inf: p + "traire", sing: [p + "trais", p + "trais", p + "trait"], plural: p + "tray", third: p + "trai", fut: p + "trair", ps: [p + "trayit", p + "trayirent"], pp: p + "trait", subjP: p + "tray" })],
  ["croire", (p) => regular({ inf: p + "croire", sing: [p + "crois", p + "crois", p + "croit"], plural: p + "croy", third: p + "croi", fut: p + "croir", ps: [p + "crut", p + "crurent"], pp: p + "cru", subjP: p + "croy" })],
  ["boire", (p) => regular({ inf: p + "boire", sing: [p + "bois", p + "bois", p + "boit"], plural: p + "buv", third: p + "boiv", fut: p + "boir", ps: [p + "but", p + "burent"], pp: p + "bu", subjP: p + "buv" })],
  ["clure", (p) => ({ ...regular({ inf: p + "clure", sing: [p + "clus", p + "clus", p + "clut"], plural: p + "clu", third: p + "clu", fut: p + "clur", ps: [p + "clut", p + "clurent"], pp: p + "clu" }), extra: [p + "cluse", p + "cluses"] })],
  ["vivre", (p) => regular({ inf: p + "vivre", sing: [p + "vis", p + "vis", p + "vit"], plural: p + "viv", third: p + "viv", fut: p + "vivr", ps: [p + "vécut", p + "vécurent"], pp: p + "vécu" })],
  ["suivre", (p) => regular({ inf: p + "suivre", sing: [p + "suis", p + "suis", p + "suit"], plural: p + "suiv", third: p + "suiv", fut: p + "suivr", ps: [p + "suivit", p + "suivirent"], pp: p + "suivi" })],
  ["soudre", (p) => regular({ inf: p + "soudre", sing: [p + "sous", p + "sous", p + "sout"], plural: p + "solv", third: p + "solv", fut: p + "soudr", ps: [p + "solut", p + "solurent"], pp: p + "solu" })],
  ["vaincre", (p) => regular({ inf: p + "vaincre", sing: [p + "vaincs", p + "vaincs", p + "vainc"], plural: p + "vainqu", third: p + "vainqu", fut: p + "vaincr", ps: [p + "vainquit", p + "vainquirent"], pp: p + "vaincu" })],
  ["fuir", (p) => regular({ inf: p + "fuir", sing: [p + "fuis", p + "fuis", p + "fuit"], plural: p + "fuy", third: p + "fui", fut: p + "fuir", ps: [p + "fuit", p + "fuirent"], pp: p + "fui", subjP: p + "fuy" })],
  // Regular -re verbs: rendre, répondre, perdre, mordre, répandre.
  ["dre", (p) => regular({ inf: p + "dre", sing: [p + "ds", p + "ds", p + "d"], plural: p + "d", third: p + "d", fut: p + "dr", ps: [p + "dit", p + "dirent"], pp: p + "du" })],
];

const PARTIR = new Set(["partir", "repartir", "sortir", "ressortir", "dormir", "endormir", "rendormir", "servir", "desservir", "resservir", "sentir", "ressentir", "consentir", "pressentir", "mentir", "démentir"]);

function partirModel(verb: string): Parts {
  const s = verb.slice(0, -2);
  const short = s.slice(0, -1);
  return regular({ inf: verb, sing: [short + "s", short + "s", short + "t"], plural: s, third: s, fut: verb, ps: [s + "it", s + "irent"], pp: s + "i" });
}

const fixed = (inf: string, pres: string[], imp: string, fut: string, subj: string[], ps: [string, string], ppres: string, pp: string[], impv: string, extra: string[] = []): Parts => ({
  inf, pres, imp: add(imp, IMP), fut, subj, ps, ppres, pp, impv, extra,
});

const IRREGULAR: Record<string, () => Parts> = {
  être: () => fixed("être", ["suis", "es", "est", "sommes", "êtes", "sont"], "ét", "ser", ["sois", "sois", "soit", "soyons", "soyez", "soient"], ["fut", "furent"], "étant", ["été", "été", "été", "été"], "sois"),
  avoir: () => fixed("avoir", ["ai", "as", "a", "avons", "avez", "ont"], "av", "aur", ["aie", "aies", "ait", "ayons", "ayez", "aient"], ["eut", "eurent"], "ayant", ["eu", "eue", "eus", "eues"], "aie"),
  aller: () => fixed("aller", ["vais", "vas", "va", "allons", "allez", "vont"], "all", "ir", ["aille", "ailles", "aille", "allions", "alliez", "aillent"], ["alla", "allèrent"], "allant", ["allé", "allée", "allés", "allées"], "va"),
  pouvoir: () => fixed("pouvoir", ["peux", "peux", "peut", "pouvons", "pouvez", "peuvent"], "pouv", "pourr", ["puisse", "puisses", "puisse", "puissions", "puissiez", "puissent"], ["put", "purent"], "pouvant", ["pu", "pu", "pu", "pu"], "peux", ["puis"]),
  vouloir: () => fixed("vouloir", ["veux", "veux", "veut", "voulons", "voulez", "veulent"], "voul", "voudr", ["veuille", "veuilles", "veuille", "voulions", "vouliez", "veuillent"], ["voulut", "voulurent"], "voulant", pp4("voulu"), "veuille", ["veuillez"]),
  devoir: () => fixed("devoir", ["dois", "dois", "doit", "devons", "devez", "doivent"], "dev", "devr", ["doive", "doives", "doive", "devions", "deviez", "doivent"], ["dut", "durent"], "devant", ["dû", "due", "dus", "dues"], "dois"),
  savoir: () => fixed("savoir", ["sais", "sais", "sait", "savons", "savez", "savent"], "sav", "saur", ["sache", "saches", "sache", "sachions", "sachiez", "sachent"], ["sut", "surent"], "sachant", pp4("su"), "sache", ["sachez", "sachons"]),
  valoir: () => fixed("valoir", ["vaux", "vaux", "vaut", "valons", "valez", "valent"], "val", "vaudr", ["vaille", "vailles", "vaille", "valions", "valiez", "vaillent"], ["valut", "valurent"], "valant", pp4("valu"), "vaux"),
  falloir: () => fixed("falloir", ["faut", "faut", "faut", "faut", "faut", "faut"], "fall", "faudr", ["faille", "faille", "faille", "faille", "faille", "faille"], ["fallut", "fallut"], "fallant", ["fallu", "fallu", "fallu", "fallu"], "faut"),
  pleuvoir: () => fixed("pleuvoir", ["pleut", "pleut", "pleut", "pleut", "pleut", "pleuvent"], "pleuv", "pleuvr", ["pleuve", "pleuve", "pleuve", "pleuve", "pleuve", "pleuvent"], ["plut", "plut"], "pleuvant", ["plu", "plu", "plu", "plu"], "pleut"),
  asseoir: () => fixed("asseoir", ["assieds", "assieds", "assied", "asseyons", "asseyez", "asseyent"], "assey", "assiér", add("assey", SUBJ), ["assit", "assirent"], "asseyant", ["assis", "assise", "assis", "assises"], "assieds", ["assois", "assoit", "assoient", "assoirai"]),
  mourir: () => fixed("mourir", ["meurs", "meurs", "meurt", "mourons", "mourez", "meurent"], "mour", "mourr", ["meure", "meures", "meure", "mourions", "mouriez", "meurent"], ["mourut", "moururent"], "mourant", ["mort", "morte", "morts", "mortes"], "meurs"),
};

const paradigms = new Map<string, string[] | undefined>();

/** The forms of `verb` in fixed slots (see SLOT_COUNT), or undefined when its conjugation is unknown. Cached. */
export function verbParadigm(verb: string): string[] | undefined {
  if (paradigms.has(verb)) return paradigms.get(verb);
  const parts = verbParts(verb);
  const forms = parts === undefined ? undefined : paradigm(parts);
  paradigms.set(verb, forms);
  return forms;
}

/** Every form of `verb` (slots and spelling variants), or undefined when its conjugation is unknown. */
export function verbForms(verb: string): string[] | undefined {
  const parts = verbParts(verb);
  if (parts === undefined) return undefined;
  return [...new Set([...paradigm(parts), ...(parts.extra ?? [])])];
}

function verbParts(verb: string): Parts | undefined {
  const irregular = IRREGULAR[verb];
  if (irregular) return irregular();
  if (PARTIR.has(verb)) return partirModel(verb);
  for (const [ending, model] of FAMILIES) {
    if (verb.endsWith(ending) && isFamilyMember(verb, ending)) return model(verb.slice(0, -ending.length));
  }
  if (verb.endsWith("er")) return firstGroup(verb);
  if (verb.endsWith("ir")) return secondGroup(verb);
  return undefined;
}

/** Endings shared by unrelated verbs: « dre » only for -endre/-ondre/-erdre/-ordre/-andre, etc. */
function isFamilyMember(verb: string, ending: string): boolean {
  if (ending === "dre") return /(?:en|on|er|or|an)dre$/.test(verb);
  if (ending === "voir") return !/(?:pou|vou|de|sa|va|fal|pleu|asse)voir$/.test(verb) && !/cevoir$|mouvoir$/.test(verb);
  if (ending === "dire") return !verb.endsWith("maudire");
  if (ending === "rire") return verb === "rire" || verb === "sourire";
  if (ending === "naître") return verb === "naître" || verb === "renaître";
  if (ending === "aître") return verb !== "naître" && verb !== "renaître";
  return true;
}

/** Grammatical person (1–6) of each slot, 0 when it has none (infinitive, participles). */
const SLOT_PERSON = [0, ...[0, 1, 2, 3, 4].flatMap(() => [1, 2, 3, 4, 5, 6]), 3, 6, 0, 0, 0, 0, 0, 2];

/**
 * Puts `target` (an infinitive) in the same form `form` has in the paradigm of `source`. A form can
 * fill several slots (« effectue » is 1st and 3rd person): the subject's person decides when known,
 * otherwise the 3rd person, by far the most frequent in administrative text.
 */
export function conjugateLike(source: string, form: string, target: string, person?: number): string | undefined {
  const from = verbParadigm(source);
  const to = verbParadigm(target);
  if (from === undefined || to === undefined) return undefined;
  let best = -1;
  for (let slot = 0; slot < from.length; slot++) {
    if (from[slot] !== form) continue;
    if (best < 0) best = slot;
    const wanted = person ?? 3;
    if (SLOT_PERSON[slot] === wanted && SLOT_PERSON[best] !== wanted) best = slot;
  }
  return best < 0 ? undefined : to[best];
}

const PRONOUN_PERSON: Record<string, number> = { je: 1, "j'": 1, tu: 2, il: 3, elle: 3, on: 3, nous: 4, vous: 5, ils: 6, elles: 6 };

/** The person a subject pronoun gives the verb after it (« vous » → 5), if the word is one. */
export function pronounPerson(word: string | undefined): number | undefined {
  return word === undefined ? undefined : PRONOUN_PERSON[word];
}
