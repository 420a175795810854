import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { packageRoot } from "../config/ruleset.js";
import type { Bank, BankEntry } from "./banks.js";
import { svgPicture } from "./images.js";
import { keyOf } from "./normalise.js";
import type { BankInfo, PictureImage } from "./types.js";

/**
 * The built-in bank: OpenMoji's pictures (CC BY-SA 4.0, from @iconify-json/openmoji), named in
 * French by Unicode's CLDR (pictograms/openmoji-fr.json, made by scripts/build-pictogram-index.ts),
 * plus the project's choice of one picture for each frequent idea of establishment life: CLDR names
 * an emoji by what it looks like, not by what a FALC booklet needs it for.
 */

export const BUILTIN_INFO: BankInfo = {
  id: "openmoji",
  label: "banque intégrée OpenMoji",
  licence: "OpenMoji (openmoji.org), licence CC BY-SA 4.0",
  builtin: true,
};

/** The project's picture for an idea (the first word of a synonym group, see synonyms.ts): OpenMoji names. */
export const BUILTIN_CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  "fork-and-knife-with-plate": ["repas"],
  croissant: ["petit déjeuner"],
  cookie: ["goûter"],
  "cup-with-straw": ["boisson"],
  "hot-beverage": ["café"],
  cooking: ["cuisine"],
  cook: ["cuisinier"],
  "wine-glass": ["alcool"],
  "shopping-cart": ["courses"],
  house: ["maison"],
  bed: ["chambre", "lit"],
  key: ["clé"],
  locked: ["cadenas", "secret"],
  door: ["porte"],
  "couch-and-lamp": ["salon"],
  "house-with-garden": ["jardin"],
  toilet: ["toilettes"],
  shower: ["douche"],
  bathtub: ["bain"],
  soap: ["hygiène"],
  basket: ["linge"],
  "t-shirt": ["vêtements"],
  broom: ["ménage"],
  wastebasket: ["poubelle"],
  window: ["fenêtre"],
  "light-bulb": ["lumière", "idée"],
  elevator: ["ascenseur"],
  family: ["famille"],
  "people-hugging": ["amis"],
  "busts-in-silhouette": ["personnes", "réunion"],
  child: ["enfant"],
  "waving-hand": ["bonjour"],
  "euro-banknote": ["argent"],
  purse: ["porte-monnaie"],
  bank: ["banque"],
  "credit-card": ["carte bancaire"],
  receipt: ["facture"],
  "health-worker": ["médecin", "infirmier"],
  stethoscope: ["santé"],
  pill: ["médicament"],
  "face-with-thermometer": ["malade"],
  hospital: ["hôpital"],
  ambulance: ["urgence"],
  tooth: ["dentiste"],
  glasses: ["lunettes"],
  "ear-with-hearing-aid": ["appareil auditif"],
  "person-in-manual-wheelchair": ["fauteuil roulant"],
  "wheelchair-symbol": ["handicap"],
  "person-getting-haircut": ["coiffeur"],
  "balance-scale": ["droits", "loi"],
  "ballot-box-with-ballot": ["vote"],
  "folded-hands": ["religion"],
  "page-facing-up": ["document", "contrat"],
  "page-with-curl": ["règlement"],
  "writing-hand": ["signature"],
  pen: ["écrire"],
  "file-folder": ["dossier"],
  "open-book": ["livre"],
  "identification-card": ["carte d'identité"],
  shield: ["protection"],
  "spiral-calendar": ["calendrier"],
  "mantelpiece-clock": ["heure"],
  "night-with-stars": ["nuit"],
  "speech-balloon": ["parler"],
  "red-question-mark": ["question"],
  "angry-face": ["plainte"],
  "crying-face": ["triste"],
  "grinning-face": ["content"],
  warning: ["danger"],
  prohibited: ["interdit"],
  bullseye: ["objectif"],
  bus: ["bus"],
  automobile: ["voiture"],
  taxi: ["taxi"],
  train: ["train"],
  bicycle: ["vélo"],
  airplane: ["avion"],
  "person-walking": ["marcher"],
  "beach-with-umbrella": ["vacances"],
  luggage: ["voyage"],
  "telephone-receiver": ["téléphone"],
  "mobile-phone": ["téléphone portable"],
  "e-mail": ["courriel"],
  envelope: ["courrier"],
  "closed-mailbox-with-raised-flag": ["boîte aux lettres"],
  laptop: ["ordinateur"],
  wireless: ["wifi"],
  television: ["télévision"],
  "factory-worker": ["travail"],
  "hammer-and-wrench": ["outils"],
  "artist-palette": ["peinture"],
  "musical-notes": ["musique"],
  "movie-camera": ["cinéma"],
  "soccer-ball": ["sport"],
  "person-swimming": ["piscine"],
  "game-die": ["jeu"],
  "party-popper": ["fête"],
  "wrapped-gift": ["cadeau"],
  camera: ["photo"],
  "paw-prints": ["animal"],
  "dog-face": ["chien"],
  "cat-face": ["chat"],
  fire: ["incendie"],
  firefighter: ["pompier"],
  bell: ["alarme"],
  cigarette: ["cigarette"],
  "umbrella-with-rain-drops": ["parapluie"],
};

/**
 * Words whose Unicode sense misleads in a document about establishment life: never matched on
 * CLDR's names and keywords (the project's concepts above still are). « avocat » is the fruit there,
 * « règle » the ruler, « pièce » a coin or a puzzle piece, « droit » a direction…
 */
const BLOCKED = [
  "avocat", "règle", "règles", "mineur", "droit", "droite", "pièce", "carte", "cartes", "note", "glace", "fin", "prise", "charge", "temps",
  "service", "aide", "place", "personne", "adulte", "vie", "moment", "partie", "reste", "cas", "fois", "chose", "lieu", "tour", "compte",
  "frais", "entrée", "plat", "accueil", "projet", "séjour", "avis", "demande", "conseil", "poste", "feuille", "bouton", "ligne", "point",
  "mot", "bien", "livret", "papier", "billet", "ticket", "genre", "fils", "fille", "mère", "père", "homme", "femme", "jour", "soir", "matin",
  "semaine", "mois", "an", "année", "date", "heure", "minute", "visage", "émoticône", "main", "mains", "tête", "cœur", "rouge", "bleu",
  "vert", "jaune", "noir", "blanc", "orange", "violet", "marron", "gris", "rose", "or", "argent", "ciel", "étoile", "chiffre", "nombre",
  "lettre", "signe", "symbole", "bâtiment", "voyage", "travail", "bureau", "école", "club", "bar", "restaurant", "cuisine", "table",
  "eau", "midi", "minuit", "petit", "grand", "nouveau", "ok", "oui", "non", "super", "bonne chance", "respect", "salut", "merci", "santé", "docteur",
].map(keyOf);

/** emojibase groups, in the order a tie prefers them: objects and food before faces. */
const GROUP_PREFERENCE = [7, 4, 5, 6, 3, 1, 8, 0];

interface IndexEntry {
  icon: string;
  hex: string;
  name: string;
  tags: string[];
  group?: number;
}

let bank: Bank | undefined;

export function builtinBank(): Bank {
  bank ??= makeBank(readIndex());
  return bank;
}

function readIndex(): IndexEntry[] {
  const file = join(packageRoot(), "pictograms", "openmoji-fr.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { entries: IndexEntry[] }).entries;
}

function makeBank(index: readonly IndexEntry[]): Bank {
  const blocked = new Set(BLOCKED);
  const allowed = (text: string) => !blocked.has(keyOf(text));
  const entries: BankEntry[] = index.map((item, order) => {
    const concepts = BUILTIN_CONCEPTS[item.icon] ?? [];
    const group = GROUP_PREFERENCE.indexOf(item.group ?? -1);
    return {
      file: `${item.icon}.svg`,
      names: [...concepts, ...[item.name].filter(allowed)],
      tags: item.tags.filter(allowed),
      // The project's pictures first, then by kind of emoji, then Unicode's order.
      rank: (concepts.length > 0 ? 0 : 100_000) + (group < 0 ? 9 : group) * 10_000 + order,
    };
  });
  return { info: BUILTIN_INFO, entries, load: (entry) => loadBuiltin(entry.file) };
}

interface IconSet {
  icons: Record<string, { body: string; width?: number; height?: number; left?: number; top?: number }>;
  width?: number;
  height?: number;
}

let icons: IconSet | undefined;

/** The OpenMoji picture as a standalone SVG, from the iconify set (read once, 9 MB). */
export function openmojiSvg(name: string): string {
  icons ??= JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@iconify-json/openmoji/icons.json"), "utf8")) as IconSet;
  const icon = icons.icons[name];
  if (icon === undefined) throw new Error(`OpenMoji: no picture named ${name}`);
  const width = icon.width ?? icons.width ?? 72;
  const height = icon.height ?? icons.height ?? 72;
  const box = `${icon.left ?? 0} ${icon.top ?? 0} ${width} ${height}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="${box}" width="${width}" height="${height}">${icon.body}</svg>`;
}

/**
 * Each built-in picture is rendered once per process: a library run puts the same few dozen pictures
 * into thousands of documents (at most the bank's 1,644 pictures, a few kilobytes each, are kept).
 */
const rendered = new Map<string, Promise<PictureImage>>();

function loadBuiltin(file: string): Promise<PictureImage> {
  let picture = rendered.get(file);
  if (!picture) {
    picture = svgPicture(openmojiSvg(file.replace(/\.svg$/, "")));
    // A failed rendering is tried again next time rather than remembered.
    picture.catch(() => rendered.delete(file));
    rendered.set(file, picture);
  }
  return picture;
}
