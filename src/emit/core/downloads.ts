import type { ApiModel, ImageLinks } from "../../ir/types";
import { stringLiteral } from "../escape";
import {
  arrayLiteral,
  expr,
  functionLike,
  importDeclaration,
  typeAlias,
  type ClassMember,
  type Statement,
} from "../print/typescript";
import { docsOf } from "./models-file";
import type { ModuleFiles } from "./module-files";
import { unionOrUnknown, type TypePrinter } from "./type-expression";

/**
 * The download helpers of `functions.ts`, for a spec whose results link to images: the results
 * they accept (`ImageResult`), where those hold links (found by the IR), `imageLinks` and
 * `downloadImages`. Nothing without such results.
 */
export function downloadFunctions(model: ApiModel, printer: TypePrinter, modules: ModuleFiles): { imports: Statement[]; statements: Statement[] } {
  const links = model.imageLinks;
  if (!links) return { imports: [], statements: [] };
  const results = unionOrUnknown(links.results.map((schema) => printer.print(schema, "response")));
  const fields = arrayLiteral(
    links.fields.map(({ path, safeFlag }) => {
      const steps = arrayLiteral(path.map((step) => expr(step === null ? "null" : stringLiteral(step))));
      return arrayLiteral([steps, ...(safeFlag ? [expr(stringLiteral(safeFlag))] : [])]);
    }),
  );
  const imports = [
    importDeclaration(modules.specifier("./runtime/download"), {
      names: ["downloadLinks", "findLinks", "type DownloadOptions", "type ImageLink", "type ImageOutcome", "type LinkField"],
    }),
  ];
  const statements: Statement[] = [
    { ...typeAlias(docsOf(["The results that link to images: what `downloadImages` and `saveImages` accept."]), "ImageResult", results), block: true },
    {
      doc: [
        docsOf([
          "Where results link to images, found in the spec: the properties from the result to the link",
          "(`null` for each item of an array), and the flag beside it that is false when a link was withheld as unsafe.",
        ]),
        "const IMAGE_LINK_FIELDS: readonly LinkField[] = ",
        fields.doc,
        ";",
      ],
      block: true,
    },
    {
      doc: functionLike(
        docsOf(["The image links in a result, in order: what `downloadImages` fetches.", `From ${describeFields(links)}.`]),
        "export function imageLinks",
        ["result: ImageResult"],
        ": ImageLink[]",
        ["return findLinks(result, IMAGE_LINK_FIELDS);"],
      ),
      block: true,
    },
    {
      doc: functionLike(
        docsOf([
          "Downloads a result's images while their links are valid (they expire), `concurrency` at a time, through",
          "the client's transport with its timeout and retries, and without its credentials. Each link has its outcome,",
          "in order: `downloaded` (bytes, content type), `skipped` (unsafe, or no link) or `failed` (its error; the link",
          "can be tried again while valid). One image failing never fails the others.",
        ]),
        "export function downloadImages",
        ["client: ClientCore", "result: ImageResult", "options?: DownloadOptions"],
        ": Promise<ImageOutcome[]>",
        ["return downloadLinks(client, imageLinks(result), options);"],
      ),
      block: true,
    },
  ];
  return { imports, statements };
}

/** `client.downloadImages(result, options)` on the full client, and what `client.ts` imports for it. */
export function downloadMethod(model: ApiModel, modules: ModuleFiles): { imports: Statement[]; members: ClassMember[] } {
  if (!model.imageLinks) return { imports: [], members: [] };
  const imports = [
    importDeclaration(modules.specifier("./functions"), { names: ["downloadImages", "type ImageResult"] }),
    importDeclaration(modules.specifier("./runtime/download"), { names: ["DownloadOptions", "ImageOutcome"], typeOnly: true }),
  ];
  const doc = functionLike(
    docsOf(["Downloads a result's images, each with its outcome: see the standalone `downloadImages`."]),
    "downloadImages",
    ["result: ImageResult", "options?: DownloadOptions"],
    ": Promise<ImageOutcome[]>",
    ["return downloadImages(this, result, options);"],
  );
  return { imports, members: [{ doc, property: false }] };
}

/** `saveImages` in `node.ts`, and its imports: `downloadImages` writing each image to a new file as it arrives. */
export function saveImagesFunction(model: ApiModel, modules: ModuleFiles): { imports: Statement[]; statements: Statement[] } {
  if (!model.imageLinks) return { imports: [], statements: [] };
  const imports = [
    importDeclaration(modules.specifier("./runtime/client-core"), { names: ["ClientCore"], typeOnly: true }),
    importDeclaration(modules.specifier("./functions"), { names: ["imageLinks", "type ImageResult"] }),
    importDeclaration(modules.specifier("./runtime/node-files"), { names: ["saveLinks", "type SaveOptions", "type SaveOutcome"] }),
  ];
  const statements: Statement[] = [
    {
      doc: functionLike(
        docsOf([
          "Downloads a result's images as `downloadImages` does and writes each to a new file in `directory` as it",
          "arrives: `<prefix>-<created>-<link>.<ext>` (`image-20261203T010423Z-0.png`; a hash of the image when the",
          "result has no `created`). An existing file is never replaced. Each link has its outcome: `saved` (its path),",
          "`skipped` or `failed`.",
        ]),
        "export function saveImages",
        ["client: ClientCore", "result: ImageResult", "directory: string", "options?: SaveOptions"],
        ": Promise<SaveOutcome[]>",
        ["return saveLinks(client, result, imageLinks(result), directory, options);"],
      ),
      block: true,
    },
  ];
  return { imports, statements };
}

/** `data[].url, base_image_url`: the fields as a reader finds them in the result types. */
function describeFields(links: ImageLinks): string {
  const names = links.fields.map(({ path }) => path.map((step) => (step === null ? "[]" : `.${step}`)).join("").replace(/^\./, ""));
  return names.map((name) => `\`${name.replace(/`/g, "'")}\``).join(", ");
}
