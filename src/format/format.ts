import type { Unsettled } from "../emit/core/emit-client";
import { nativeImport } from "../native-import";

/** Fixed options: the output must not depend on a prettier config found on the user's machine. */
export const PRETTIER_OPTIONS = { printWidth: 120, trailingComma: "all", endOfLine: "lf" } as const;

const PARSERS: Record<string, string> = { ts: "typescript", md: "markdown", json: "json" };

export function parserFor(path: string): string | undefined {
  return PARSERS[path.slice(path.lastIndexOf(".") + 1)];
}

/**
 * Lays out with prettier what the printer could not: each unsettled statement of a TypeScript
 * file alone, spliced back into its place, or a whole Markdown file. Other files pass through.
 */
export async function formatFiles(files: ReadonlyMap<string, string>, unsettled: ReadonlyMap<string, Unsettled>): Promise<Map<string, string>> {
  const prettier = (await nativeImport("prettier")) as typeof import("prettier");
  // The variants share most files verbatim: each distinct text is formatted once.
  const formatted = new Map<string, Promise<string>>();
  const formatOnce = (text: string, parser: string) => {
    const key = `${parser}\0${text}`;
    if (!formatted.has(key)) formatted.set(key, prettier.format(text, { ...PRETTIER_OPTIONS, parser }));
    return formatted.get(key)!;
  };
  const entries = await Promise.all(
    [...files].map(async ([path, text]) => {
      const parser = parserFor(path);
      const spans = unsettled.get(path);
      if (!parser || !spans) return [path, text] as const;
      if (spans === "whole") return [path, await formatOnce(text, parser)] as const;
      const parts: string[] = [];
      let at = 0;
      for (const { start, end } of spans) {
        // prettier ends what it prints with a line break; in the file the statement's separator follows it.
        parts.push(text.slice(at, start), (await formatOnce(text.slice(start, end), parser)).replace(/\n$/, ""));
        at = end;
      }
      parts.push(text.slice(at));
      return [path, parts.join("")] as const;
    }),
  );
  return new Map(entries);
}
