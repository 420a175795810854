/**
 * Pictures beside the ideas of a FALC text (issue 13): where they come from (banks), which one each
 * block of a rewrite gets, and the image itself, ready for a DOCX.
 */

/** A bank of pictures: the built-in one (OpenMoji) or an establishment's folder. */
export interface BankInfo {
  /** "openmoji" for the built-in bank; the folder's name for an establishment's. */
  id: string;
  /** How the bank is named to people, in French. */
  label: string;
  /** The licence line of the credits, in French (« OpenMoji, licence CC BY-SA 4.0 »), or undefined when unknown. */
  licence?: string;
  builtin: boolean;
  /** The folder of an establishment's bank, as given. */
  folder?: string;
}

/** An image ready to go into a DOCX. A vector picture comes with a PNG for the programs that cannot show SVG. */
export interface PictureImage {
  type: "png" | "jpg" | "gif" | "bmp" | "svg";
  data: Uint8Array;
  /** PNG rendering of an SVG (Word needs one). */
  fallback?: Uint8Array;
  /** Pixel size, for the proportions. */
  width: number;
  height: number;
}

/** One block's picture, as the JSON report gives it. */
export interface PictogramChoice {
  /** Position of the block in the section's rewrite. */
  block: number;
  /** The bank's id. */
  bank: string;
  /** The picture's file in its bank (for the built-in bank: the OpenMoji name, « .svg »). */
  file: string;
  /** The keyword the picture was found for: also its alternative text. */
  keyword: string;
  /** How well it matches, 0 to 1 (1: the picture is named by the keyword). */
  score: number;
  /** The picture's own licence, when the bank's index gives one. */
  licence?: string;
}

/** The pictures of one conversion: per section (by index), the choices; the images by `bank/file`; the banks used. */
export interface PictogramPlan {
  sections: Map<number, PictogramChoice[]>;
  images: Map<string, PictureImage>;
  /** The banks that gave at least one picture, for the credits line. */
  banks: BankInfo[];
}

export function imageKey(choice: Pick<PictogramChoice, "bank" | "file">): string {
  return `${choice.bank}/${choice.file}`;
}
