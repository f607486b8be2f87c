import { printSourceFile } from "../../src/emit/core/source-file";
import { group } from "../../src/emit/print/doc";
import { formatFiles } from "../../src/format/format";

describe("prettier settles only the statements the printer could not lay out, spliced back in place", () => {
  // A group the printer marks unsure: printed as written when it fits, left to prettier when it breaks.
  const unsure = (text: string) => ({ doc: group(text, { unsure: true }), block: false });
  const plain = (text: string) => ({ doc: text, block: false });
  const long = `export const value = [${Array.from({ length: 40 }, (_, i) => `"item${i}"`).join(", ")}];`;

  test("printSourceFile names the span of each unsure statement that had to break, and only those", () => {
    const printed = printSourceFile([plain("const a = 1;"), unsure("const b = 2;"), unsure(long), plain("const c  =  3;")]);
    expect(printed.unsettled).toEqual([{ start: 26, end: 26 + long.length }]);
    expect(printed.text.slice(26, 26 + long.length)).toBe(long);
  });

  test("formatFiles formats that statement alone and leaves the rest of the file byte for byte", async () => {
    const printed = printSourceFile([plain("const a = 1;"), unsure(long), plain("const c  =  3;")]);
    const out = (await formatFiles(new Map([["fetch/x.ts", printed.text]]), new Map([["fetch/x.ts", printed.unsettled]]))).get("fetch/x.ts")!;
    const lines = out.split("\n");
    // Not prettier's whole-file pass: the odd spacing of the last statement stays.
    expect(lines[0]).toBe("const a = 1;");
    expect(lines[lines.length - 2]).toBe("const c  =  3;");
    expect(lines[1]).toBe("export const value = [");
    expect(lines[2]).toBe('  "item0",');
    expect(out.endsWith("\n")).toBe(true);
  });
});
