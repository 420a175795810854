/**
 * Common French first names of all generations (residents born in the 1920s–1950s, their children,
 * grandchildren, and staff), written for this project. Used only to recognise « Prénom Nom » pairs,
 * never a first name on its own. Names that are also ordinary capitalised words in establishment
 * documents (France, Avril, Ange, Prudence…) are left out on purpose: they would mask ordinary text.
 */
const NAMES = `
Adèle Adrien Agathe Agnès Aimé Aimée Alain Albert Alexandre Alexandra Alexis Alfred Alice Aline Alix
Amandine Amélie Anaïs André Andrée Angèle Angélique Anne Annette Annick Annie Antoine Antoinette
Arlette Armand Arnaud Arthur Audrey Augustin Aurélie Aurélien Axel Baptiste Barbara Béatrice Benjamin
Benoît Bernadette Bernard Bertrand Blanche Bruno Camille Capucine Carole Caroline Catherine Cécile
Céline Chantal Charles Charlotte Chloé Christian Christiane Christine Christophe Claire Clara Claude
Claudine Clément Clémence Colette Corinne Cyril Cyrille Damien Daniel Danièle Danielle David Delphine
Denis Denise Didier Dominique Édith Édouard Éliane Élise Élisabeth Élodie Éloïse Emma Emmanuel
Emmanuelle Éric Ernest Estelle Étienne Eugène Eugénie Évelyne Fabien Fabienne Fabrice Fanny Félix
Fernand Fernande Florence Florian Francis Francine Franck François Françoise Frédéric Frédérique
Gabriel Gabrielle Gaston Geneviève Georges Georgette Gérard Germaine Ghislaine Gilbert Gilberte
Gilles Ginette Gisèle Guillaume Guy Hélène Henri Henriette Hervé Hugo Hugues Huguette Inès Irène
Isabelle Jacqueline Jacques Jean Jeanne Jeannine Jérémy Jérôme Joël Joëlle Jonathan Joseph Josette
Josiane Jules Julie Julien Juliette Justine Karine Laetitia Laura Laure Laurence Laurent Léa Léon
Léonie Liliane Line Lionel Louis Louise Luc Lucas Lucette Lucie Lucien Lucienne Ludovic Lydie
Madeleine Manon Marc Marcel Marcelle Margaux Margot Marguerite Maria Marianne Marie Marine Marion
Marius Marthe Martine Mathieu Mathilde Matthieu Maurice Max Maxime Mélanie Michel Micheline
Michèle Mireille Monique Muriel Murielle Myriam Nadège Nadine Nathalie Nathan Nicolas Nicole Noël
Noémie Odette Odile Olivier Pascal Pascale Patrice Patricia Patrick Paul Paule Paulette Pauline
Philippe Pierre Pierrette Quentin Raphaël Raymond Raymonde Régine Régis Rémi Rémy René Renée Richard
Robert Roger Roland Romain Rose Sabine Sacha Samuel Sandrine Sarah Serge Simone Simon Solange Sophie
Stéphane Stéphanie Suzanne Suzette Sylvain Sylvie Théo Thérèse Thibault Thierry Thomas Timothée
Valentin Valérie Véronique Victor Vincent Virginie Viviane Xavier Yann Yannick Yolande Yves Yvette
Yvonne Zoé Adam Ambre Anatole Apolline Aurore Baptistine Bastien Cédric Clotilde Constance Corentin
Didier Diane Eliott Élie Enzo Ethan Gaël Gaëlle Gaspard Gérald Hortense Hugo Jade Jordan Josiane
Kevin Kévin Léna Léo Léonard Lilou Lina Lisa Loïc Lola Lou Louna Maël Maëlle Malo Mathis Maxence
Mickaël Morgane Nadia Noah Nolan Océane Pénélope Perrine Raphaëlle Robin Sébastien Séverine Sylvianne
Tristan Ulysse Vanessa Victoire Yasmine Yoann Mohamed Ahmed Fatima Karim Rachid Nadia Samira Sofiane
Yasmina Youssef Leïla Amina Ali Omar Mehdi Bilal Ibrahim Aïcha Malika Farid Hakim Khadija Moussa
Mamadou Aminata Fatou Ousmane Jean-Baptiste Marie-Claude Marie-France Marie-Thérèse Marie-Christine
Anne-Marie Jean-Claude Jean-Marie Jean-Luc Jean-Michel Jean-François Jean-Louis Jean-Paul Jean-Marc
`;

let cache: ReadonlySet<string> | undefined;

/** The built-in first names, as a set (built on first use, not at module load). */
export function firstNameSet(): ReadonlySet<string> {
  cache ??= new Set(NAMES.split(/\s+/).filter((name) => name.length > 0));
  return cache;
}
