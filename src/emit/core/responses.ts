import type { Operation, ResponseDef } from "../../ir/types";
import { atom, type TypeExpr } from "../print/typescript";
import { unionOrUnknown, type Side, type TypePrinter } from "./type-expression";

/** The responses an awaited call resolves with: every 2xx, else `default`. */
function successResponses(operation: Operation): ResponseDef[] {
  const success = operation.responses.filter((r) => /^2(\d\d|XX)$/i.test(r.status));
  return success.length ? success : operation.responses.filter((r) => r.status === "default");
}

/** The TypeScript type a call resolves with. */
export function successType(operation: Operation, printer: TypePrinter): TypeExpr {
  const types = successResponses(operation).map((r) =>
    r.kind === "empty"
      ? atom("void")
      : r.kind === "binary"
        ? atom("Blob")
        : r.kind === "text"
          ? atom("string")
          : printer.print(r.schema!, "response" satisfies Side),
  );
  return unionOrUnknown(types);
}

/** How the runtime reads a successful body. */
export function successReader(operation: Operation): "json" | "text" | "binary" | "void" {
  const kinds = new Set(successResponses(operation).map((r) => r.kind));
  if (kinds.has("json")) return "json";
  if (kinds.has("binary")) return "binary";
  if (kinds.has("text")) return "text";
  return kinds.size === 0 ? "json" : "void";
}
