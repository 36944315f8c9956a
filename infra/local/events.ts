/**
 * The local stand-in for EventBridge: "Article Processed" events go to in-process listeners (the CLI waits on
 * them) and are appended to `<data>/events.jsonl`, so a consumer's rule can be tried on real event shapes.
 */
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type ArticleProcessedDetail, COMPLETION_EVENT } from "../../shared/contract/manifest";
import type { EventPublisher } from "../../shared/pipeline/ports";

export type ArticleProcessedListener = (detail: ArticleProcessedDetail) => void;

export class LocalEventPublisher implements EventPublisher {
  private readonly listeners = new Set<ArticleProcessedListener>();

  constructor(private readonly logFile?: string) {
    if (logFile) mkdirSync(dirname(logFile), { recursive: true });
  }

  async publishArticleProcessed(detail: ArticleProcessedDetail): Promise<void> {
    if (this.logFile) {
      const event = {
        source: COMPLETION_EVENT.source,
        "detail-type": COMPLETION_EVENT.detailType,
        time: new Date().toISOString(),
        detail,
      };
      appendFileSync(this.logFile, `${JSON.stringify(event)}\n`);
    }
    for (const listener of this.listeners) listener(detail);
  }

  /** Returns the function that removes the listener. */
  onArticleProcessed(listener: ArticleProcessedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
