/**
 * Fits the summarizer's sentence scorer on the dev data (../shared/eval) and, with --write, saves the weights to
 * shared/summarize/weights.json. Prints 5-fold cross-validated ROUGE (folds by article within every file) next
 * to LEAD-k so that choices are judged on articles the model did not see.
 *   npm run train:summarizer [-- --write] [-- --lambda 0.01 --redundancy 0.6] (`-- --help`: every option)
 * --cache FILE keeps the prepared articles (features and oracle labels) in FILE between runs that only change
 * the learner's or the selection's options; delete it whenever features, normalization or the data change.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchArgs, refuse } from "./args";
import { DATASETS, EVAL_DIR, evalDataAvailable, loadArticles } from "./summary-data";
import {
  evaluate,
  evaluateLead,
  type PreparedArticle,
  prepare,
  preparedDevArticles,
  type TrainOptions,
  train,
} from "./summary-training";

/** Number options (`--name N`) and the selection settings a grid may sweep (`--grid-name a,b,c`). */
const NUMBER_OPTIONS = [
  "trees",
  "depth",
  "lr",
  "lambda",
  "min-child",
  "bins",
  "redundancy",
  "trigram",
  "soft",
  "lead-bonus",
  "lead-slope",
  "length-penalty",
  "bags",
  "subsample",
  "seed",
  "w-cnndm",
  "w-cased",
  "w-bbc",
  "w-orangesum",
  "fold-block",
];
const GRID_OPTIONS = ["lead-bonus", "lead-slope", "redundancy", "trigram", "length-penalty"];
const USAGE = `npm run train:summarizer -- [--write] [--cache FILE] [--<option> N]… [--grid-<setting> a,b,…]…
  options: ${NUMBER_OPTIONS.join(", ")}
  grid settings: ${GRID_OPTIONS.join(", ")}`;

// Checked before minutes of training: a mistyped option would otherwise be ignored silently.
const valued = [...NUMBER_OPTIONS, ...GRID_OPTIONS.map((name) => `grid-${name}`), "cache"];
const values: Record<string, string | boolean | undefined> = benchArgs(USAGE, {
  write: { type: "boolean" },
  ...Object.fromEntries(valued.map((name) => [name, { type: "string" as const }])),
});
for (const name of valued.filter((n) => n !== "cache")) {
  const value = values[name];
  if (typeof value !== "string") continue;
  const numbers = name.startsWith("grid-") ? value.split(",") : [value];
  if (!numbers.every((v) => v.trim() !== "" && Number.isFinite(Number(v)))) {
    refuse(USAGE, `--${name} takes numbers, got ${value}`);
  }
}
const text = (name: string) => values[name] as string | undefined;

function option(name: string, fallback: number): number {
  const value = text(name);
  return value === undefined ? fallback : Number(value);
}

if (!evalDataAvailable()) {
  console.log(
    `Dev data not found at ${EVAL_DIR}: nothing to train on (it sits beside the repo, not in it).`,
  );
  process.exit(0);
}

const SOURCE_OF: Record<string, string> = {
  "cnndm_lower_dev.jsonl": "cnndm",
  "cnndm_cased_dev.jsonl": "cnndm-cased",
  "bbc_dev.jsonl": "bbc",
  "orangesum_fr_dev.jsonl": "orangesum",
};

const options: TrainOptions = {
  trees: option("trees", 150),
  depth: option("depth", 4),
  learningRate: option("lr", 0.1),
  lambda: option("lambda", 1e-4),
  minChildWeight: option("min-child", 1e-4),
  bins: option("bins", 32),
  redundancyThreshold: option("redundancy", 0.45),
  trigramOverlap: option("trigram", 1),
  softMix: option("soft", 0.3),
  leadBonus: option("lead-bonus", 1.2),
  leadSlope: option("lead-slope", 2),
  lengthPenalty: option("length-penalty", 0.4),
  bags: option("bags", 3),
  subsample: option("subsample", 1),
  seed: option("seed", 1),
  sourceWeights: {
    cnndm: option("w-cnndm", 1),
    "cnndm-cased": option("w-cased", 1),
    bbc: option("w-bbc", 1),
    orangesum: option("w-orangesum", 1),
  },
};

const started = Date.now();
const prepared = preparedDevArticles(
  () =>
    DATASETS.flatMap(({ file, sentences }) => {
      const language = file.startsWith("orangesum") ? "fr" : "en";
      return prepare(loadArticles(file), file, SOURCE_OF[file] ?? file, sentences, language);
    }),
  text("cache"),
);
console.error(
  `prepared ${prepared.length} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

const FOLDS = 5;
// --fold-block B puts runs of B consecutive rows in the same fold: another split, to see how stable CV is.
const foldBlock = option("fold-block", 1);
const foldOf = (index: number) => Math.floor(index / foldBlock) % FOLDS;
const byFile = new Map<string, PreparedArticle[]>();
for (const a of prepared) byFile.set(a.file, [...(byFile.get(a.file) ?? []), a]);

// Fit one model per fold, then score the held-out fold under each selection setting of the grid.
const foldModels: { model: ReturnType<typeof train>; tests: Map<string, PreparedArticle[]> }[] = [];
for (let fold = 0; fold < FOLDS; fold++) {
  const trainSet: PreparedArticle[] = [];
  const tests = new Map<string, PreparedArticle[]>();
  for (const [file, list] of byFile) {
    list.forEach((a, i) => {
      if (foldOf(i) === fold) tests.set(file, [...(tests.get(file) ?? []), a]);
      else trainSet.push(a);
    });
  }
  foldModels.push({ model: train(trainSet, options), tests });
}

const grid = (name: string, fallback: number) => {
  const value = text(`grid-${name}`);
  return value === undefined ? [fallback] : value.split(",").map(Number);
};
const leads = new Map<string, ReturnType<typeof evaluateLead>>();
for (const [file, list] of byFile) leads.set(file, evaluateLead(list));
console.log(`options: ${JSON.stringify(options)}`);
for (const leadBonus of grid("lead-bonus", options.leadBonus)) {
  for (const leadSlope of grid("lead-slope", options.leadSlope))
    for (const redundancyThreshold of grid("redundancy", options.redundancyThreshold))
      for (const trigramOverlap of grid("trigram", options.trigramOverlap ?? 1))
        for (const lengthPenalty of grid("length-penalty", options.lengthPenalty)) {
          console.log(
            `leadBonus ${leadBonus}, leadSlope ${leadSlope}, redundancy ${redundancyThreshold}, trigram ${trigramOverlap}, lengthPenalty ${lengthPenalty}`,
          );
          console.log(
            "file                      k   model (5-fold CV) R1/R2/RL   LEAD-k R1/R2/RL      ΔR1",
          );
          for (const [file, list] of byFile) {
            let r1 = 0;
            let r2 = 0;
            let rl = 0;
            for (const { model, tests } of foldModels) {
              const test = tests.get(file) ?? [];
              const s = evaluate(test, {
                ...model,
                leadBonus,
                leadSlope,
                redundancyThreshold,
                trigramOverlap,
                lengthPenalty,
              });
              r1 += s.rouge1 * test.length;
              r2 += s.rouge2 * test.length;
              rl += s.rougeL * test.length;
            }
            const n = list.length;
            const lead = leads.get(file) as ReturnType<typeof evaluateLead>;
            console.log(
              `${file.padEnd(25)} ${String(list[0]?.k).padStart(2)}   ${(r1 / n).toFixed(2)} / ${(r2 / n).toFixed(2)} / ${(rl / n).toFixed(2)}     ${lead.rouge1.toFixed(2)} / ${lead.rouge2.toFixed(2)} / ${lead.rougeL.toFixed(2)}   ${(r1 / n - lead.rouge1).toFixed(2)}`,
            );
          }
        }
}

if (values.write === true) {
  const model = train(prepared, options);
  const path = join(import.meta.dirname, "../../shared/summarize/weights.json");
  const round = (x: number) => Number(x.toPrecision(6));
  const rounded = {
    ...model,
    base: round(model.base),
    trees: model.trees.map((t) => ({ f: t.f, v: t.v.map(round) })),
  };
  writeFileSync(path, `${JSON.stringify(rounded)}\n`);
  console.log(`weights written to ${path}`);
}
