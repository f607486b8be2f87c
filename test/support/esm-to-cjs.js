"use strict";
// jest's transform for ES modules: the `emit: "js"` clients and the ESM-only test dependency
// @remix-run/multipart-parser. jest runs test files as CommonJS, so their import and export
// statements become require() and exports; nothing else is touched.
const { transformSync } = require("esbuild");

module.exports = {
  process(source, file) {
    return { code: transformSync(source, { format: "cjs", loader: "js", target: "esnext", sourcefile: file }).code };
  },
};
