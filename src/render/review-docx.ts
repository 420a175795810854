import type { ConvertResult } from "../rewrite/types.js";
import { FONT, LANGUAGE, loadDocx, pageFooter } from "./docx/common.js";
import { stripBold } from "./docx/markup.js";
import { reproducible } from "./docx/package.js";
import { coverPage } from "./review/cover.js";
import { PAGE, SIZE, numberingConfig } from "./review/layout.js";
import { sectionsTable } from "./review/table.js";
import { validationPage } from "./review/validation.js";
import { attachReviewState } from "./review/state.js";

/**
 * `<name>.relecture.docx`: the working document of the validation session, in landscape. A cover
 * page (document, date, tool, scores, facts lost or invented, how to run the session), the
 * side-by-side table (Original | Version facile à lire | Points à vérifier | Avis des relecteurs)
 * with its header repeated on every page, and a closing table to record who validated the text.
 * It is a form falc reads back (`falc review`, `falc convert --review`): a checkbox « Compris » and
 * « Pas compris » and a remarks area per row, each row named by a bookmark, falc's state in a custom
 * XML part.
 */
export async function renderReviewDocx(result: ConvertResult): Promise<Uint8Array> {
  const d = await loadDocx();
  const document = new d.Document({
    title: `Relecture : ${stripBold(result.title)}`,
    creator: "falc",
    lastModifiedBy: "falc",
    description: "Tableau de relecture de la version facile à lire, pour la séance de validation avec ses lecteurs.",
    hyphenation: { autoHyphenation: false },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.table, language: LANGUAGE },
          paragraph: { spacing: { line: 264, lineRule: d.LineRuleType.AUTO, before: 0, after: 80 }, alignment: d.AlignmentType.LEFT },
        },
      },
    },
    numbering: numberingConfig(d),
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height for a landscape page: give the portrait size.
            size: { width: PAGE.height, height: PAGE.width, orientation: d.PageOrientation.LANDSCAPE },
            margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, footer: PAGE.margin / 2 },
          },
        },
        footers: { default: pageFooter(d, SIZE.small) },
        children: [
          ...coverPage(d, result),
          sectionsTable(d, result.sections, result.pictograms),
          ...validationPage(d, result.review),
        ],
      },
    ],
  });
  // falc's state goes in before the package is made reproducible: same result, same bytes.
  const packed = await attachReviewState(new Uint8Array(await d.Packer.toBuffer(document)), result);
  return await reproducible(packed, result.date, "falc");
}
