"use strict";
// Plain JavaScript so the fuzz suite's worker threads (no TypeScript loader) share it with the hostile suite.
const ts = require("typescript");

/**
 * What spec text planted by the hostile fixtures and the fuzzer reads as once it has become code
 * (string literals read as `""`): a sanitised identifier such as `pwnedTag` or `require_child_process` is no match.
 */
const CODE_MARKERS = [/\bpwned\s*\(/, /\bprocess\s*\.\s*(exit|env)\b/, /\brequire\s*\(/, /\bimport\s*\(/, /\$\{/, /<!--|-->/];

/**
 * Splits TypeScript source into its code (comments dropped, each string literal replaced by `""`)
 * and the values of its string literals, with the scanner's errors (an unterminated comment or string).
 */
function scan(text) {
  const errors = [];
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text, (message) => {
    errors.push(ts.flattenDiagnosticMessageText(message.message, "\n"));
  });
  const code = [];
  const strings = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    switch (kind) {
      case ts.SyntaxKind.SingleLineCommentTrivia:
      case ts.SyntaxKind.MultiLineCommentTrivia:
        break;
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        strings.push(scanner.getTokenValue());
        code.push('""');
        break;
      case ts.SyntaxKind.TemplateHead:
        errors.push(`a template literal with substitutions at ${scanner.getTokenStart()}`);
        break;
      default:
        code.push(scanner.getTokenText());
    }
  }
  return { code: code.join(""), strings, errors };
}

/** The code markers found in a generated file, and the scanner's errors: both empty for a safe file. */
function injected(text) {
  const { code, errors } = scan(text);
  return { markers: CODE_MARKERS.flatMap((marker) => marker.exec(code)?.[0] ?? []), errors };
}

module.exports = { CODE_MARKERS, scan, injected };
