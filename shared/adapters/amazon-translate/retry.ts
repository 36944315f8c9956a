import { TranslateClient, type TranslateClientConfig } from "@aws-sdk/client-translate";
import { AdaptiveRetryStrategy, type AdaptiveRetryStrategyOptions } from "@smithy/core/retry";
import { DEFAULT_TRANSLATE_MAX_ATTEMPTS } from "../../limits";

type RetryToken = Parameters<AdaptiveRetryStrategy["recordSuccess"]>[0];
type RetryErrorInfo = Parameters<AdaptiveRetryStrategy["refreshRetryTokenForRetry"]>[1];

/**
 * What the SDK's retry strategy does with TranslateText's transient errors (checked in @smithy/core/retry,
 * getRetryErrorType): TooManyRequestsException is in THROTTLING_ERROR_CODES, so it is retried and slows the
 * adaptive rate limiter down. ServiceUnavailableException and InternalServerException are named nowhere and
 * carry no $retryable trait: they are retried only because of their HTTP status (503, 500 are in
 * TRANSIENT_ERROR_STATUS_CODES). That hangs on the status code alone, so these two are classified by name
 * here, whatever the status (and TooManyRequestsException as throttling, whatever the status).
 */
const THROTTLING_BY_NAME = new Set(["TooManyRequestsException"]);
const TRANSIENT_BY_NAME = new Set(["ServiceUnavailableException", "InternalServerException"]);

export function classifyTranslateError(info: RetryErrorInfo): RetryErrorInfo {
  const name = info.error?.name ?? "";
  if (THROTTLING_BY_NAME.has(name) && info.errorType !== "THROTTLING") {
    return { ...info, errorType: "THROTTLING" };
  }
  if (
    TRANSIENT_BY_NAME.has(name) &&
    info.errorType !== "THROTTLING" &&
    info.errorType !== "TRANSIENT"
  ) {
    return { ...info, errorType: "TRANSIENT" };
  }
  return info;
}

/** The SDK's adaptive strategy (client-side rate limiting on throttling), with TranslateText's errors named. */
export class TranslateRetryStrategy {
  readonly mode = "adaptive";
  private readonly adaptive: AdaptiveRetryStrategy;

  constructor(maxAttempts: number, options?: Omit<AdaptiveRetryStrategyOptions, "maxAttempts">) {
    this.adaptive = new AdaptiveRetryStrategy(maxAttempts, { ...options, maxAttempts });
  }

  acquireInitialRetryToken(scope: string) {
    return this.adaptive.acquireInitialRetryToken(scope);
  }

  refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo) {
    return this.adaptive.refreshRetryTokenForRetry(token, classifyTranslateError(info));
  }

  recordSuccess(token: RetryToken): void {
    this.adaptive.recordSuccess(token);
  }
}

export interface TranslateClientOptions extends Omit<TranslateClientConfig, "retryStrategy"> {
  /** Attempts per request, the first included (SDK `maxAttempts`). */
  maxAttempts?: number;
  /** Backoff and rate-limiter overrides for the retry strategy (tests use a zero backoff). */
  retry?: Omit<AdaptiveRetryStrategyOptions, "maxAttempts">;
}

/** A TranslateClient in adaptive retry mode with TranslateRetryStrategy; wrap it with the tracer as usual. */
export function createTranslateClient(options: TranslateClientOptions = {}): TranslateClient {
  const { retry, ...config } = options;
  const maxAttempts = options.maxAttempts ?? DEFAULT_TRANSLATE_MAX_ATTEMPTS;
  return new TranslateClient({
    ...config,
    maxAttempts,
    retryMode: "adaptive",
    retryStrategy: new TranslateRetryStrategy(maxAttempts, retry),
  });
}
