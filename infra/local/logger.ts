/**
 * Logging and metrics for handlers running locally. The handlers log through Powertools as on Lambda; here
 * every line goes to `<data>/logs/pipeline.log` (JSON lines) and, with `verbose`, to stderr too, so the CLI's
 * stdout stays readable (and pure JSON with --json). The last error logged for each SQS message is kept for its
 * dead letter. Metrics are switched off: EMF lines on stdout are for CloudWatch, and there is none here.
 */
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Logger } from "@aws-lambda-powertools/logger";
import { createObservability, type Observability } from "../../functions/common/powertools";
import type { FunctionName } from "../../shared/pipeline/dead-letter-routes";

export interface LogSink {
  file: string;
  verbose: boolean;
  /** messageId → last "record failed" error, bounded (oldest dropped). */
  failures: Map<string, string>;
}

const MAX_REMEMBERED_FAILURES = 1000;

interface LogAttributes {
  level?: string;
  message?: string;
  messageId?: string;
  error?: { name?: string; message?: string } | string;
}

export function createLogSink(file: string, verbose: boolean): LogSink {
  mkdirSync(dirname(file), { recursive: true });
  return { file, verbose, failures: new Map() };
}

class LocalLogger extends Logger {
  private sink: LogSink | undefined;

  attach(sink: LogSink): this {
    this.sink = sink;
    return this;
  }

  protected override createLogger(options?: ConstructorParameters<typeof Logger>[0]): Logger {
    const child = new LocalLogger(options);
    return this.sink ? child.attach(this.sink) : child;
  }

  protected override printLog(logLevel: number, log: Parameters<Logger["printLog"]>[1]): void {
    const sink = this.sink;
    if (!sink) return;
    log.prepareForPrint();
    const attributes = log.getAttributes() as LogAttributes;
    const line = JSON.stringify(attributes, this.getJsonReplacer());
    appendFileSync(sink.file, `${line}\n`);
    if (sink.verbose) process.stderr.write(`${line}\n`);
    if (attributes.messageId && attributes.error) remember(sink, attributes);
    void logLevel;
  }
}

function remember(sink: LogSink, attributes: LogAttributes): void {
  const { error } = attributes;
  const text =
    typeof error === "string" ? error : `${error?.name ?? "Error"}: ${error?.message ?? ""}`;
  sink.failures.delete(attributes.messageId as string);
  sink.failures.set(attributes.messageId as string, text);
  if (sink.failures.size > MAX_REMEMBERED_FAILURES) {
    const oldest = sink.failures.keys().next().value;
    if (oldest !== undefined) sink.failures.delete(oldest);
  }
}

export function localObservability(stage: FunctionName, sink: LogSink): Observability {
  // No CloudWatch and no X-Ray here: said to these instances, not to the whole process through its env.
  return createObservability(stage, {
    logger: (options) => new LocalLogger(options).attach(sink),
    logLevel: sink.verbose ? "DEBUG" : "INFO",
    metrics: false,
    tracing: false,
  });
}
