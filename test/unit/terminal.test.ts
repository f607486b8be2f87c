import { count, painter, warningLines } from "../../src/cli/terminal";

describe("terminal output", () => {
  test("colour only on a terminal, and never when NO_COLOR is set to anything", () => {
    expect(painter({ isTTY: true }, {}).red("error")).toBe("\x1b[31merror\x1b[39m");
    expect(painter({ isTTY: true }, { NO_COLOR: "1" }).red("error")).toBe("error");
    expect(painter({ isTTY: false }, {}).yellow("warning")).toBe("warning");
    expect(painter({}, {}).green("ok")).toBe("ok");
  });

  test("a repeated warning is one line with its count and first places; --verbose lists them all", () => {
    const at = (pointer: string, message = "must be string") => ({ file: "api.yml", pointer, message });
    const warnings = [at("/a"), at("/b"), at("/x", "no supported scheme"), at("/c"), at("/d"), at("/e")];
    expect(warningLines(warnings, false)).toEqual([
      "api.yml: must be string (5×: #/a, #/b, #/c and 2 more)",
      "api.yml#/x: no supported scheme",
    ]);
    expect(warningLines(warnings, true)[0]).toBe("api.yml: must be string (5×: #/a, #/b, #/c, #/d, #/e)");
  });

  test("counts read as English", () => {
    expect([count(1, "warning"), count(3, "warning"), count(0, "file")]).toEqual(["1 warning", "3 warnings", "0 files"]);
  });
});
