/**
 * After « ; » French goes on in lower case, so a capital there is either a proper noun or the start of a
 * new sentence. Closed-class words (articles, pronouns, prepositions, conjunctions, common adverbs) are
 * never proper nouns: when one of them follows « ; » with a capital, the writer started a new sentence.
 * Elided forms are listed with their apostrophe (« L' », « Qu' »).
 */
const WORDS = `
Le La Les L' Un Une Des Du De D' Au Aux À A
Ce Cet Cette Ces C' Ça Cela Ceci Celui Celle Ceux Celles
Il Ils Elle Elles On Nous Vous Je J' Tu Y En
Mon Ma Mes Ton Ta Tes Son Sa Ses Notre Nos Votre Vos Leur Leurs
Qui Que Qu' Quoi Quel Quelle Quels Quelles Où Quand Comment Pourquoi Combien Lequel Laquelle
Tout Tous Toute Toutes Chaque Plusieurs Certains Certaines Aucun Aucune Personne Rien
Dans Par Pour Sur Sous Avec Sans Chez Entre Vers Depuis Pendant Avant Après Selon Malgré Contre Dès Lors
Mais Et Ou Donc Or Ni Car Puis Ainsi Alors Cependant Pourtant Enfin Aussi Même Si S' Lorsque Lorsqu'
Puisque Puisqu' Comme Toutefois Néanmoins Ensuite Parfois Souvent Désormais Déjà Encore Ici Là Non Oui
Jusqu' Quant Bien Ne N'
`;

let openers: Set<string> | undefined;

function getOpeners(): Set<string> {
  openers ??= new Set(WORDS.split(/\s+/).filter((word) => word.length > 0));
  return openers;
}

/** Whether `word` (as written, with a straight apostrophe for elisions) is a capitalised closed-class word. */
export function isSentenceOpener(word: string): boolean {
  return getOpeners().has(word);
}
