/** bench:normalize's input-shape rows: each shape of normalize-shapes.ts timed against a plain article. */
import { normalizeArticle } from "../../shared/normalize";
import { plainArticle, SHAPES } from "./normalize-shapes";
import { formatTable } from "./table";

export interface ShapeRow {
  name: string;
  bytes: number;
  /** Best CPU milliseconds of SHAPE_PASSES normalizations of the shape, and of a plain article as large. */
  cpuMs: number;
  plainCpuMs: number;
  /** "ok" or the name of the typed error that refused the input. */
  outcome: string;
}

const SHAPE_PASSES = 3;

/** Times one input shape (refusal included: a typed error is an answer) against a plain article. */
export function measureShape(index: number, cpuMsOf: (run: () => number) => number): ShapeRow {
  const shape = SHAPES[index];
  if (!shape) throw new Error(`no input shape #${index}`);
  const bytes = new TextEncoder().encode(shape.input());
  const plain = new TextEncoder().encode(plainArticle(shape.fileName, bytes.length));
  const normalize = (input: Uint8Array) => (): number => {
    normalizeArticle({ bytes: input, fileName: shape.fileName, maxBytes: input.length });
    return 1;
  };
  let outcome = "ok";
  const attempt = (): number => {
    try {
      return normalize(bytes)();
    } catch (error) {
      outcome = (error as Error).name;
      return 0;
    }
  };
  normalize(plain)();
  const bestOf = (run: () => number): number =>
    Math.min(...Array.from({ length: SHAPE_PASSES }, () => cpuMsOf(run)));
  return {
    name: shape.name,
    bytes: bytes.length,
    cpuMs: bestOf(attempt),
    plainCpuMs: bestOf(normalize(plain)),
    outcome,
  };
}

export function printShapes(rows: ShapeRow[]): void {
  const header = ["input shape", "size", "best CPU ms", "plain article ms", "ratio", "outcome"];
  const body = rows.map((r) => [
    r.name,
    `${(r.bytes / 1024).toFixed(1)} KB`,
    r.cpuMs.toFixed(1),
    r.plainCpuMs.toFixed(1),
    `${(r.cpuMs / r.plainCpuMs).toFixed(1)}×`,
    r.outcome,
  ]);
  console.log(`\n${formatTable(header, body)}`);
  console.log(
    `plain article = paragraphs of the same size and format; best of ${SHAPE_PASSES} passes each, a refusal is a typed error naming the file`,
  );
}
