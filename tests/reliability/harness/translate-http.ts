/**
 * Amazon Translate faults where they really happen: under the SDK. A real TranslateClient (the adapter's
 * createTranslateClient: adaptive retry mode, TranslateText's errors classified) on a scripted HTTP handler,
 * so throttling and 5xx go through the SDK's retries before the adapter or the queue ever see them.
 * aws-sdk-client-mock replaces `send` and so skips exactly that layer (see harness/translate.ts for the
 * queue-only view). Faults are a function of the request text and its attempt number, not of call order, so
 * a run's faults do not depend on how concurrent requests interleave.
 */
import { Readable } from "node:stream";
import {
  AmazonTranslateTranslator,
  createTranslateClient,
} from "../../../shared/adapters/amazon-translate";
import { DEFAULT_TRANSLATE_MAX_ATTEMPTS } from "../../../shared/limits";
import { codePoints } from "../../../shared/translate/bytes";
import { fate } from "../../support/seeded-random";
import { fakeTranslation, type TranslateMeter } from "./translate";

export interface HttpTranslateFaults {
  /** Share of attempts answered 400 TooManyRequestsException. */
  throttleRate: number;
  /** Share of requests whose first attempts get a burst of 503/500. */
  burstRate: number;
  burstLength: number;
}

interface HttpRequestLike {
  body?: unknown;
}

/** No waiting in tests: zero backoff, and a rate limiter that never holds a request back. */
const instantRetries = {
  backoff: { computeNextBackoffDelay: () => 0, setDelayBase: () => {} },
  rateLimiter: { getSendToken: async () => {}, updateClientSendingRate: () => {} },
};

export function scriptedTranslate(faults: HttpTranslateFaults): {
  translator: AmazonTranslateTranslator;
  meter: TranslateMeter;
} {
  const meter: TranslateMeter = {
    calls: 0,
    answered: 0,
    throttled: 0,
    serverErrors: 0,
    billedCharacters: 0,
    billedTexts: new Map(),
  };
  const attempts = new Map<string, number>();
  const respond = (status: number, body: Record<string, unknown>, errorType?: string) => ({
    response: {
      statusCode: status,
      headers: {
        "content-type": "application/x-amz-json-1.1",
        ...(errorType ? { "x-amzn-errortype": errorType } : {}),
      },
      body: Readable.from([Buffer.from(JSON.stringify(body))]),
    },
  });
  const handler = {
    async handle(request: HttpRequestLike) {
      meter.calls += 1;
      const input = JSON.parse(String(request.body)) as {
        Text: string;
        TargetLanguageCode: string;
        SourceLanguageCode: string;
      };
      const id = `${input.TargetLanguageCode}\n${input.Text}`;
      const attempt = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, attempt);
      // The last SDK attempt always gets through: these faults are transient by construction.
      if (attempt < DEFAULT_TRANSLATE_MAX_ATTEMPTS) {
        if (fate(id, "burst") < faults.burstRate && attempt <= faults.burstLength) {
          meter.serverErrors += 1;
          const type = attempt % 2 ? "ServiceUnavailableException" : "InternalServerException";
          return respond(attempt % 2 ? 503 : 500, { __type: type, message: "injected" }, type);
        }
        if (fate(id, `throttle-${attempt}`) < faults.throttleRate) {
          meter.throttled += 1;
          const type = "TooManyRequestsException";
          return respond(400, { __type: type, message: "injected throttle" }, type);
        }
      }
      meter.answered += 1;
      meter.billedCharacters += codePoints(input.Text);
      meter.billedTexts.set(input.Text, (meter.billedTexts.get(input.Text) ?? 0) + 1);
      return respond(200, {
        TranslatedText: fakeTranslation(input.Text, input.TargetLanguageCode),
        SourceLanguageCode: input.SourceLanguageCode === "auto" ? "en" : input.SourceLanguageCode,
        TargetLanguageCode: input.TargetLanguageCode,
      });
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
  const client = createTranslateClient({
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    retry: instantRetries,
    requestHandler: handler,
  });
  return {
    translator: new AmazonTranslateTranslator({
      client,
      logger: { warn: () => {}, error: () => {} },
    }),
    meter,
  };
}
