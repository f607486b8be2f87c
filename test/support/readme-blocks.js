"use strict";
// Plain JavaScript so both the jest suites and `npm run corpus` (no TypeScript loader) share it.
const { writeFileSync } = require("node:fs");
const path = require("node:path");

/** Every fenced code block of a README: language, text, the line of its first code line, its `## ` section. */
function fencedBlocks(readme) {
  const blocks = [];
  const lines = readme.split("\n");
  let section = "";
  for (let i = 0; i < lines.length; i++) {
    const heading = /^## (.*)$/.exec(lines[i]);
    if (heading) section = heading[1];
    const fence = /^```(\w*)$/.exec(lines[i]);
    if (!fence) continue;
    const end = lines.indexOf("```", i + 1);
    if (end < 0) throw new Error(`README line ${i + 1}: the code block is not closed`);
    blocks.push({ language: fence[1], text: lines.slice(i + 1, end).join("\n"), line: i + 2, section });
    i = end;
  }
  return blocks;
}

/**
 * Every `ts` block of a variant's README as the reader runs it: the blocks under "Operations"
 * continue the one under "Use" (the README says so); every other block is a whole module. Each
 * module's file name says where its block is (`fetch-readme-L42.ts`).
 */
function readmeModules(readme, variant) {
  const blocks = fencedBlocks(readme).filter((b) => b.language === "ts");
  const setup = blocks.find((b) => b.section === "Use");
  if (!setup) throw new Error(`${variant}/README.md has no ts block under "Use"`);
  return blocks.map((block) => ({
    file: `${variant}-readme-L${block.line}.ts`,
    text: block.section === "Operations" ? `${setup.text}\n${block.text}\n` : `${block.text}\n`,
  }));
}

/** The compiler options the README's `tsconfig.json` block tells consumers to use. */
function documentedCompilerOptions(readme) {
  const block = fencedBlocks(readme).find((b) => b.language === "json" && b.section === "Install");
  if (!block) throw new Error("README has no tsconfig block under Install");
  return JSON.parse(block.text).compilerOptions;
}

/** Writes each variant's README modules into `folder`, beside the generated `<variant>/` folders they import. */
function writeReadmeModules(folder, files, variants) {
  for (const variant of variants) {
    for (const { file, text } of readmeModules(files.get(`${variant}/README.md`), variant)) {
      writeFileSync(path.join(folder, file), text);
    }
  }
}

module.exports = { fencedBlocks, readmeModules, documentedCompilerOptions, writeReadmeModules };
