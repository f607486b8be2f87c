import { group, hardline, ifBreak, indent, indentIfBreak, join, line, printDoc, softline } from "../../src/emit/print/doc";
import { annotation, atom, typeAlias, union, type TypeExpr } from "../../src/emit/print/typescript";

const list = (items: string[]) => group(["[", indent([softline, join([",", line], items)]), ifBreak(","), softline, "]"]);

describe("printDoc", () => {
  test("a group that fits the width prints flat; one column more and it breaks, trailing comma and all", () => {
    const items = ["aaaa", "bbbb"]; // "[aaaa, bbbb]" is 12 columns
    expect(printDoc(list(items), 12).text).toBe("[aaaa, bbbb]");
    expect(printDoc(list(items), 11).text).toBe("[\n  aaaa,\n  bbbb,\n]");
  });

  test("what follows a group up to the next line break counts against its width", () => {
    expect(printDoc([list(["aaaa", "bbbb"]), ";"], 12).text).toBe("[\n  aaaa,\n  bbbb,\n];");
  });

  test("a hard line breaks every enclosing group, while inner groups still fit on their own", () => {
    const doc = group(["{", indent([hardline, list(["a", "b"])]), hardline, "}"]);
    expect(printDoc(doc).text).toBe("{\n  [a, b]\n}");
  });

  test("indentIfBreak follows the named group's decision", () => {
    const id = Symbol("rhs");
    const doc = group(["x =", group(indent(line), { id }), indentIfBreak("y".repeat(20), id)]);
    expect(printDoc(doc, 80).text).toBe(`x = ${"y".repeat(20)}`);
    expect(printDoc(doc, 10).text).toBe(`x =\n  ${"y".repeat(20)}`);
  });

  test("an unsure group reports only when it had to break", () => {
    const doc = group(["a", line, "b"], { unsure: true });
    expect(printDoc(doc, 3)).toEqual({ text: "a b", unsure: false });
    expect(printDoc(doc, 2)).toEqual({ text: "a\nb", unsure: true });
  });

  test("no line keeps trailing spaces", () => {
    expect(printDoc(["a ", hardline, "b"]).text).toBe("a\nb");
  });
});

describe("TypeScript layouts", () => {
  const literals = (n: number, length: number): TypeExpr =>
    union(Array.from({ length: n }, (_, i) => atom(`"${String(i).padStart(length, "x")}"`)));
  const alias = (type: TypeExpr) => printDoc(typeAlias("", "T", type).doc).text;

  test("a type alias's union stays on the line, moves to the next line, or breaks into bars, as prettier does", () => {
    expect(alias(literals(3, 4))).toBe('export type T = "xxx0" | "xxx1" | "xxx2";');
    expect(alias(literals(9, 8))).toBe(`export type T =\n  ${Array.from({ length: 9 }, (_, i) => `"${String(i).padStart(8, "x")}"`).join(" | ")};`);
    expect(alias(literals(12, 10)).split("\n").slice(0, 3)).toEqual(["export type T =", '  | "xxxxxxxxx0"', '  | "xxxxxxxxx1"']);
  });

  test("a member's long union goes to the next line, indented", () => {
    const text = printDoc(["key:", annotation(literals(8, 10)), ";"]).text;
    expect(text.split("\n")[0]).toBe("key:");
    expect(text.split("\n")[1]).toMatch(/^  "xxxxxxxxx0" \| /);
  });
});
