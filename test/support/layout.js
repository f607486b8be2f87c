"use strict";
// The emitters print prettier's layout themselves; this is the oracle that holds them to it.
const path = require("node:path");

/** The generated files (among those `include` picks) that prettier would change. */
async function layoutDiffers(files, include = () => true) {
  const prettier = await import("prettier");
  const { PRETTIER_OPTIONS, parserFor } = require(path.join(__dirname, "..", "..", "dist", "format", "format.js"));
  const differ = [];
  for (const [file, text] of files) {
    const parser = parserFor(file);
    if (!parser || !include(file)) continue;
    if ((await prettier.format(text, { ...PRETTIER_OPTIONS, parser })) !== text) differ.push(file);
  }
  return differ;
}

module.exports = { layoutDiffers };
