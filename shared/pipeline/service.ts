/**
 * The service's names, declared once: Powertools' service name (log key and metrics dimension), the source of
 * its completion event, and the CloudWatch namespace of its own metrics. The stack sets them on every function
 * and the alarms and dashboard read the metrics under them, so they must not drift apart.
 */
import { COMPLETION_EVENT } from "../contract/manifest";

/** The same string as the completion event's source, which the contract declares. */
export const SERVICE_NAME = COMPLETION_EVENT.source;

export const METRICS_NAMESPACE = "ArticlePipeline";
