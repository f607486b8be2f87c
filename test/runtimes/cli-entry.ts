/**
 * The scenario as a command: `<runtime> cli-entry.ts <fetch|axios> <server URL>` prints the report
 * as one line of JSON. The same file runs on Node (directly, or through ts-loader.mjs), Deno and Bun.
 */
import { runScenario, type Sdk } from "./scenario.ts";

declare const Deno: { args: string[] } | undefined;

const [variant, server] = typeof Deno === "undefined" ? process.argv.slice(2) : Deno.args;
if ((variant !== "fetch" && variant !== "axios") || !server)
  throw new Error("usage: cli-entry.ts <fetch|axios> <server URL>");
const sdk = (await import(`../../generated/${variant}/index.ts`)) as Sdk;
console.log(JSON.stringify(await runScenario(sdk, server)));
