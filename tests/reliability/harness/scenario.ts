/**
 * One reliability scenario: a fresh local stack, the article batch dropped at once under the given faults or
 * deliveries, and what came out: outputs, events, dead letters, and what Amazon Translate billed.
 */
import type { StageName } from "../../../shared/pipeline/routing";
import {
  articleBatch,
  BATCH_LANGUAGES,
  type BatchArticle,
  type BatchRun,
  dropBatch,
} from "./articles";
import { crashable } from "./crash";
import { FaultyObjectStore, type StoreFault } from "./faulty-store";
import { type HandlerWrapper, startReliabilityStack } from "./stack";
import { mockedTranslate, type TranslateFaults, type TranslateMeter } from "./translate";
import { type HttpTranslateFaults, scriptedTranslate } from "./translate-http";

export type TranslateSetup =
  | { via: "client-mock"; faults?: TranslateFaults }
  | { via: "http"; faults: HttpTranslateFaults };

export interface Scenario {
  /** Defaults to articleBatch() into BATCH_LANGUAGES. */
  batch?: BatchArticle[];
  languages?: readonly string[];
  concurrency?: Partial<Record<StageName, number>>;
  translate?: TranslateSetup;
  storeFaults?: StoreFault[];
  wrapHandler?: HandlerWrapper;
}

export interface ScenarioResult extends BatchRun {
  meter: TranslateMeter;
  /** Store faults that fired. */
  faultHits: number;
  wallMs: number;
}

export async function runScenario(scenario: Scenario = {}): Promise<ScenarioResult> {
  const setup = scenario.translate ?? { via: "client-mock" };
  const mocked = setup.via === "client-mock" ? mockedTranslate(setup.faults) : undefined;
  const translate = mocked ?? scriptedTranslate((setup as { faults: HttpTranslateFaults }).faults);
  let store: FaultyObjectStore | undefined;
  const reliability = await startReliabilityStack({
    translator: translate.translator,
    targetLanguages: [...(scenario.languages ?? BATCH_LANGUAGES)],
    ...(scenario.concurrency ? { concurrency: scenario.concurrency } : {}),
    ...(scenario.storeFaults
      ? { wrapStore: (inner) => (store = new FaultyObjectStore(inner, scenario.storeFaults ?? [])) }
      : {}),
    // Crashes need every invocation in a crashable context; the wrapper costs nothing otherwise.
    wrapHandler: (stage, handler, queues) =>
      crashable(stage, scenario.wrapHandler?.(stage, handler, queues) ?? handler, queues),
  });
  try {
    const started = performance.now();
    const run = await dropBatch(reliability.stack, scenario.batch ?? articleBatch(), store);
    return {
      ...run,
      meter: translate.meter,
      faultHits: store?.hits.length ?? 0,
      wallMs: Math.round(performance.now() - started),
    };
  } finally {
    await reliability.dispose();
    mocked?.restore();
  }
}

/** Output keys written first of two (the second marks the step done), and the last writes of each stage. */
export const EVERY_OUTPUT =
  /\/(article\.json|error\.json|summary\.txt|summary\.json|report\.html|manifest\.json|translations\/[a-z-]+\.(txt|json|error\.json))$/;
