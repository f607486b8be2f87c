import * as path from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { findConfig, VARIANTS, type ResolvedConfig, type VariantName } from "../config/config";
import { InputError, cut, formatDiagnostic, terminalSafe, type Diagnostic } from "../diagnostics";
import { GENERATOR_VERSION, generate, loadModel, type GenerateRequest, type GenerateResult } from "../generate";
import { inspectJson, inspectTable } from "./inspect";
import { count, painter, warningLines } from "./terminal";
import { compareOutput, writeOutput } from "../write/output";
import { pollUrl, watchFiles } from "./watch";
import { chooseImportExtension, type ImportChoice } from "../config/import-extension";
import type { Emit } from "../emit/core/client-file";
import { IMPORT_EXTENSIONS, type ImportExtension } from "../emit/core/module-files";
import { displayUrl, isSpecUrl } from "../load/fetch-spec";

/** Exit codes: 0 ok, 1 `check` found stale files, 2 bad input. */
export const EXIT = { ok: 0, stale: 1, badInput: 2 } as const;

interface CommonFlags {
  spec?: string;
  out?: string;
  client?: VariantName | "all";
  config?: string;
  format: boolean;
  strict?: boolean;
  allowRemoteRefs?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  watch?: boolean;
  importExtension?: ImportExtension | "auto";
  emit?: Emit;
  fetchTimeout?: number;
  pollInterval?: number;
}

/** One run's exit code and the files it read (what `--watch` watches). */
interface RunOutcome {
  code: number;
  inputs: string[];
  /** The spec URL, when the spec is read from one (`--watch` polls it). */
  url?: string;
  /** sha256 of the spec as this run read it. */
  sha256?: string;
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command("ideogram-codegen")
    .description("Generate typed TypeScript clients from an OpenAPI 3.0/3.1 spec (default: the embedded Ideogram spec).")
    .version(GENERATOR_VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .addHelpText(
      "after",
      "\nExamples:\n  ideogram-codegen generate                         both Ideogram clients into ./generated\n" +
        "  ideogram-codegen generate --spec api.yml --watch  regenerate on every change\n" +
        "  ideogram-codegen check                            in CI: exit 1 when ./generated is stale\n" +
        "  ideogram-codegen inspect --json                   the model, for tooling",
    );

  /** What every command reads: the spec, the configuration, how strictly, and how much to say. */
  const withInputOptions = (command: Command) =>
    command
      .option("--spec <file-or-url>", "OpenAPI document (YAML or JSON), a path or an http(s) URL; default: the embedded Ideogram spec")
      .option("--config <file>", "configuration file, JSON or .mjs (default: ./ideogram-codegen.config.json or .mjs if present)")
      .option("--strict", "fail on any problem of the spec: every warning, and swagger-parser's validate() verdict")
      .option("--allow-remote-refs", "resolve http(s) $refs")
      .addOption(new Option("--fetch-timeout <seconds>", "how long to wait for a spec URL").default(30).argParser(seconds("--fetch-timeout")))
      .option("-q, --quiet", "print only errors")
      .option("-v, --verbose", "list every place a repeated warning occurs; generate and check also print stage times and the files prettier laid out");

  /** What `generate` and `check` add: where the clients go, which ones, and whether prettier may run. */
  const withCommonOptions = (command: Command) =>
    withInputOptions(command)
      .option("--out <dir>", "output folder; each client goes into <dir>/<client>", undefined)
      .addOption(new Option("--client <name>", "which client to generate").choices([...VARIANTS, "all"]))
      .addOption(
        new Option("--import-extension <ext>", "how relative imports end (default auto: from the nearest tsconfig.json above the output folder)").choices([
          "auto",
          ...IMPORT_EXTENSIONS,
        ]),
      )
      .addOption(new Option("--emit <kind>", "ts: TypeScript sources; js: ES modules with .d.ts declarations").choices(["ts", "js"]))
      .option("--no-format", "never run prettier, even for a file whose layout the printer leaves to it");

  withCommonOptions(program.command("generate"))
    .description("write the clients")
    .option("--watch", "regenerate whenever the spec, a file it references or the configuration changes")
    .addOption(new Option("--poll-interval <seconds>", "with --watch and a spec URL: how often to fetch it again").default(30).argParser(seconds("--poll-interval")))
    .addHelpText(
      "after",
      "\nExamples:\n  ideogram-codegen generate\n  ideogram-codegen generate --spec api.yml --out src/client --client fetch\n  ideogram-codegen generate --spec api.yml --watch",
    )
    .action(async (flags: CommonFlags) => {
      exitCode = flags.watch ? await watchMode(flags) : (await run(flags, "generate")).code;
    });

  withCommonOptions(program.command("check"))
    .description("exit 1 when the generated files differ from what generate would write (for CI)")
    .addHelpText("after", "\nExample:\n  ideogram-codegen check || (echo 'run ideogram-codegen generate' && exit 1)")
    .action(async (flags: CommonFlags) => {
      exitCode = (await run(flags, "check")).code;
    });

  withInputOptions(program.command("inspect"))
    .description("print the operations and schema counts the generator sees, or the whole model as JSON")
    .option("--json", "print the intermediate model as JSON, for tooling")
    .addHelpText("after", "\nExamples:\n  ideogram-codegen inspect\n  ideogram-codegen inspect --spec api.yml --json > model.json")
    .action(async (flags: CommonFlags & { json?: boolean }) => {
      exitCode = await inspect(flags);
    });

  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    const code = (error as { exitCode?: number; code?: string }).exitCode;
    if (code !== undefined && (error as { code?: string }).code?.startsWith("commander.")) {
      return code === 0 ? EXIT.ok : EXIT.badInput;
    }
    throw error;
  }
  return exitCode;
}

/**
 * Generates once, then again on every change until interrupted; exits 0 on SIGINT or SIGTERM.
 * Files are watched; a spec URL is fetched again every `--poll-interval` seconds and regenerates
 * when what it serves changed.
 */
async function watchMode(flags: CommonFlags): Promise<number> {
  const first = await run(flags, "generate");
  let inputs = first.inputs;
  const regenerate = async () => {
    const next = await run(flags, "generate");
    // A run that failed before reading everything keeps the previous set.
    inputs = next.code === EXIT.ok ? next.inputs : [...new Set([...inputs, ...next.inputs])];
    return inputs;
  };
  const watcher = watchFiles(inputs, regenerate);
  const poller = first.url ? pollUrl(first.url, first.sha256, flags.pollInterval! * 1000, flags.fetchTimeout! * 1000, regenerate) : undefined;
  const polled = first.url ? ` and ${first.url} every ${flags.pollInterval} s` : "";
  flags.quiet || process.stdout.write(`watching ${inputs.length} file(s)${polled} for changes; Ctrl-C stops\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  watcher.close();
  poller?.close();
  return EXIT.ok;
}

/** A commander parser for a positive number of seconds. */
function seconds(flag: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError(`${flag} takes a positive number of seconds`);
    return parsed;
  };
}

async function run(flags: CommonFlags, mode: "generate" | "check"): Promise<RunOutcome> {
  const started = performance.now();
  let config: ResolvedConfig | undefined;
  let result: GenerateResult;
  let request: GenerateRequest;
  let outDir: string;
  let imports: ImportChoice;
  const spec = () => flags.spec ?? config?.spec;
  const url = () => (spec() !== undefined && isSpecUrl(spec()!) ? spec() : undefined);
  const inputs = () => [config?.file, url() ? undefined : spec()].flatMap((f) => (f === undefined ? [] : [path.resolve(f)]));
  try {
    config = await findConfig(flags.config, flags.spec !== undefined);
    outDir = path.resolve(flags.out ?? config?.output ?? "generated");
    const emit = flags.emit ?? config?.emit ?? "ts";
    const configured = flags.importExtension
      ? { value: flags.importExtension }
      : config?.importExtension && { value: config.importExtension, file: config.source };
    imports = chooseImportExtension(outDir, configured, emit);
    request = { ...toRequest(flags, config), importExtension: imports.extension, emit };
    result = await generate(request);
  } catch (error) {
    return { code: reportFailure(error, spec(), flags.verbose), inputs: inputs(), ...(url() ? { url: url() } : {}) };
  }
  const outcome = (code: number): RunOutcome => ({
    code,
    inputs: [...new Set([...inputs(), ...result.sources])],
    ...(url() ? { url: url(), sha256: result.sha256 } : {}),
  });
  const importsNote = `imports: ${imports.extension} (${imports.reason})`;
  const out = painter(process.stdout);
  const log = (line: string) => flags.quiet || process.stdout.write(`${line}\n`);
  printWarnings(result.warnings, flags);
  if (flags.verbose) {
    const { load, ir, emit, format, compile } = result.timings;
    const compiled = request.emit === "js" ? `, compile ${compile} ms` : "";
    const total = load + ir + emit + format + compile;
    const share = total ? Math.round((100 * format) / total) : 0;
    log(out.dim(`stages: load ${load} ms, ir ${ir} ms, emit ${emit} ms, format ${format} ms${compiled}; prettier's share ${share}%`));
    if (result.formattedByPrettier.length) log(out.dim(`laid out by prettier: ${result.formattedByPrettier.join(", ")}`));
  }

  if (mode === "check") {
    const stale = await compareOutput(outDir, result.files, request.clients);
    const problems = [
      ...stale.changed.map((f) => `changed: ${f}`),
      ...stale.missing.map((f) => `missing: ${f}`),
      ...stale.extra.map((f) => `extra: ${f}`),
    ];
    if (problems.length) {
      const summary = `${count(problems.length, "generated file")} stale in ${displayDir(outDir)}: run ideogram-codegen generate`;
      process.stderr.write(`${problems.map((p) => `${p}\n`).join("")}${painter(process.stderr).red(summary)}\n`);
      return outcome(EXIT.stale);
    }
    log(`${out.green("check passed")}: ${result.files.size} files in ${displayDir(outDir)} are current; ${importsNote}`);
    return outcome(EXIT.ok);
  }

  await writeOutput(outDir, result.files, request.clients);
  const ms = Math.round(performance.now() - started);
  const warnings = result.warnings.length ? `, ${out.yellow(count(result.warnings.length, "warning"))}` : "";
  log(
    `${out.green(`generated ${request.clients.join(" + ")}`)}: ${result.model.operations.length} operations, ${result.model.schemas.length} schemas, ` +
      `${result.files.size} files in ${ms} ms → ${displayDir(outDir)}; ${importsNote}${warnings}`,
  );
  return outcome(EXIT.ok);
}

async function inspect(flags: CommonFlags & { json?: boolean }): Promise<number> {
  let config: ResolvedConfig | undefined;
  try {
    config = await findConfig(flags.config, flags.spec !== undefined);
    const { spec, model } = await loadModel(toRequest(flags, config));
    printWarnings(spec.warnings.list, flags);
    process.stdout.write(`${flags.json ? inspectJson(model) : inspectTable(model)}\n`);
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error, flags.spec ?? config?.spec, flags.verbose);
  }
}

function toRequest(flags: CommonFlags, config: ResolvedConfig | undefined): GenerateRequest {
  const spec = flags.spec ?? config?.spec;
  if (!spec) throw new InputError({ file: config?.source ?? "configuration", pointer: "/spec", message: "no spec: pass --spec or set \"spec\"" });
  const clients = flags.client && flags.client !== "all" ? [flags.client] : (config?.clients ?? [...VARIANTS]);
  return {
    spec,
    clients,
    clientName: config?.clientName,
    apiName: config?.apiName,
    apiKeyEnv: config?.apiKeyEnv,
    logEnv: config?.logEnv,
    credentialEnv: config?.credentialEnv,
    baseUrl: config?.baseUrl,
    docsUrl: config?.docsUrl,
    resources: config?.resources,
    types: config?.types,
    operations: config?.operations,
    bodies: config?.bodies,
    format: flags.format && config?.format !== false,
    strict: flags.strict,
    allowRemoteRefs: flags.allowRemoteRefs,
    fetchTimeout: flags.fetchTimeout === undefined ? undefined : flags.fetchTimeout * 1000,
  };
}

/** Warnings on stderr, one line per distinct message (see `warningLines`); none with `--quiet`. */
function printWarnings(warnings: readonly Diagnostic[], flags: CommonFlags): void {
  if (flags.quiet) return;
  const paint = painter(process.stderr);
  for (const line of warningLines(warnings, flags.verbose === true)) process.stderr.write(`${paint.yellow("warning")}: ${line}\n`);
}

function reportFailure(error: unknown, spec: string | undefined, verbose: boolean | undefined): number {
  const label = `${painter(process.stderr).red("error")}: `;
  if (error instanceof InputError) {
    process.stderr.write(error.diagnostics.map((d) => `${label}${formatDiagnostic(d)}\n`).join(""));
    return EXIT.badInput;
  }
  // Anything else is the generator's own fault: say so, and which spec set it off.
  const file = spec ? (isSpecUrl(spec) ? displayUrl(spec) : path.relative(process.cwd(), spec) || spec) : "input";
  const reason = terminalSafe(cut(String((error as Error)?.message ?? error).split("\n")[0]!));
  process.stderr.write(
    `${label}${file}: ideogram-codegen ${GENERATOR_VERSION} failed on this spec (${reason}). This is a bug in the generator, ` +
      "not a problem of the spec: please report it with the spec (or the smallest part of it that still fails) and this command's output with --verbose\n",
  );
  if (verbose) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT.badInput;
}

function displayDir(dir: string): string {
  return path.relative(process.cwd(), dir) || ".";
}
