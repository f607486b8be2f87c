// Node 20 cannot load TypeScript itself: `node --import ./ts-loader.mjs file.ts` strips the types of
// every .ts module with esbuild as Node loads it (no bundling: each file stays its own module).
import { register } from "node:module";

register("./ts-hooks.mjs", import.meta.url);
