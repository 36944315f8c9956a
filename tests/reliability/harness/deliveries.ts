/**
 * At-least-once delivery made systematic: every message a stage receives is delivered `copies` more times,
 * through the stage's own local queue (new message ids, same body, as SQS redelivers). `timing` says when the
 * copies are queued: "after" the original's invocation finished (the usual redelivery: the delete was lost),
 * or "during" it, so that copies run at the same time as the original (two consumers of one message).
 */
import type { SQSEvent } from "aws-lambda";
import type { StageName } from "../../../shared/pipeline/routing";
import type { HandlerWrapper } from "./stack";

export type DuplicateTiming = "after" | "during";

export interface DuplicateCounter {
  /** Copies queued per stage. */
  copies: Record<StageName, number>;
}

export function duplicateDeliveries(
  copies: number,
  timing: DuplicateTiming,
): { wrap: HandlerWrapper; counter: DuplicateCounter } {
  const counter: DuplicateCounter = { copies: { normalize: 0, summarize: 0, translate: 0 } };
  const seen = new Set<string>();
  const wrap: HandlerWrapper = (stage, handler, queues) => async (event: SQSEvent, context) => {
    const originals = event.Records.filter((record) => {
      const id = `${stage}\n${record.body}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    const sendCopies = () => {
      for (const record of originals) {
        for (let i = 0; i < copies; i++) queues.send(stage, record.body);
        counter.copies[stage] += copies;
      }
    };
    if (timing === "during") sendCopies();
    try {
      return await handler(event, context);
    } finally {
      if (timing === "after") sendCopies();
    }
  };
  return { wrap, counter };
}
