import { ExitCode, FalcError } from "../errors.js";

/**
 * A file system refusing an output (full disk, read-only folder, no permission, a file where a folder
 * should be) is the user's to fix, not a bug: say which file and what to do. Atomic writes mean nothing
 * half-written is left behind, and finished sections stay in the cache.
 */
export function outputError(path: string, error: unknown): FalcError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known: Record<string, [string, string]> = {
    ENOSPC: ["le disque est plein", "Libérez de la place, puis relancez la même commande : les sections déjà réécrites ne seront pas redemandées."],
    EDQUOT: ["votre quota de disque est atteint", "Libérez de la place, puis relancez la même commande."],
    EROFS: ["le dossier est en lecture seule", "Choisissez un autre dossier de sortie avec --out."],
    EACCES: ["vous n’avez pas le droit d’écrire dans ce dossier", "Choisissez un autre dossier de sortie avec --out, ou demandez les droits d’écriture."],
    EPERM: ["l’écriture est interdite dans ce dossier", "Choisissez un autre dossier de sortie avec --out."],
    ENOTDIR: ["un élément du chemin est un fichier, pas un dossier", "Vérifiez le chemin donné à --out."],
    EEXIST: ["un fichier porte déjà ce nom là où falc doit créer un dossier", "Choisissez un autre dossier de sortie avec --out, ou renommez ce fichier."],
    EISDIR: ["un dossier porte déjà ce nom", "Renommez ou déplacez ce dossier, ou choisissez un autre dossier de sortie avec --out."],
  };
  const entry = code === undefined ? undefined : known[code];
  if (!entry) return undefined;
  return new FalcError("output-unwritable", `Impossible d’écrire ${path} : ${entry[0]}. Aucun fichier à moitié écrit n’a été laissé.`, {
    file: path,
    hint: entry[1],
    exitCode: ExitCode.usage,
    cause: error,
  });
}
