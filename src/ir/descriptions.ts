/** A Markdown link or image whose target is not absolute: `[text](/api-reference/inpaint-v3 "title")`. */
const RELATIVE_LINK = /(!?)\[([^\]\n]*)\]\(\s*(?![a-z][a-z0-9+.-]*:|#)([^)\s]+)((?:\s+"[^"\n]*")?)\s*\)/gi;

/**
 * Reads a spec description as a reader of the generated docs sees it: trimmed, undefined when
 * empty or not a string, and each relative link made absolute against `docsUrl` (the site the
 * spec's links are relative to) or, without one, left as its text (it would lead nowhere).
 */
export function describer(docsUrl: string | undefined): (raw: unknown) => string | undefined {
  return (raw) => {
    if (typeof raw !== "string" || !raw.trim()) return undefined;
    return raw.trim().replace(RELATIVE_LINK, (_whole, image: string, text: string, target: string, title: string) => {
      if (docsUrl === undefined) return text;
      let absolute: string;
      try {
        absolute = new URL(target, docsUrl.endsWith("/") ? docsUrl : `${docsUrl}/`).href;
      } catch {
        return text;
      }
      return `${image}[${text}](${absolute}${title})`;
    });
  };
}
