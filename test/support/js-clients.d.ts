/** jest's globalSetup: writes the `emit: "js"` Ideogram clients into JS_CLIENTS. */
declare function generateJsClients(): void;
declare namespace generateJsClients {
  /** `<JS_CLIENTS>/fetch/node.js`, `<JS_CLIENTS>/axios/node.js`. */
  const JS_CLIENTS: string;
}
export = generateJsClients;
