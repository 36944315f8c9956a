import { Readable } from "node:stream";
import {
  InternalServerException,
  ServiceUnavailableException,
  TooManyRequestsException,
  TranslateTextCommand,
  UnsupportedLanguagePairException,
} from "@aws-sdk/client-translate";
import { describe, expect, it } from "vitest";
import {
  AmazonTranslateTranslator,
  classifyTranslateError,
  createTranslateClient,
  TranslateRetryStrategy,
  TranslateUnavailableError,
} from "../../../shared/adapters/amazon-translate";
import { UnsupportedLanguagePairError } from "../../../shared/translate/errors";

interface FakeResponse {
  status: number;
  body: Record<string, unknown>;
  errorType?: string;
}

/**
 * An HTTP handler that answers from a script: requests go through the client's whole middleware stack
 * (serialization, signing, the retry strategy, deserialization), which aws-sdk-client-mock skips.
 */
function scriptedHandler(script: FakeResponse[]) {
  const seen: number[] = [];
  return {
    seen,
    handler: {
      async handle() {
        seen.push(seen.length + 1);
        const next = script.shift() ?? { status: 500, body: { message: "script exhausted" } };
        const headers: Record<string, string> = { "content-type": "application/x-amz-json-1.1" };
        if (next.errorType) headers["x-amzn-errortype"] = next.errorType;
        return {
          response: {
            statusCode: next.status,
            headers,
            body: Readable.from([Buffer.from(JSON.stringify(next.body))]),
          },
        };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    },
  };
}

const ok = (text: string): FakeResponse => ({
  status: 200,
  body: { TranslatedText: text, SourceLanguageCode: "en", TargetLanguageCode: "es" },
});
const error = (status: number, type: string): FakeResponse => ({
  status,
  errorType: type,
  body: { __type: type, message: `${type} from the script` },
});

/** No waiting in tests: zero backoff and a rate limiter that never holds a request back. */
const instant = {
  backoff: { computeNextBackoffDelay: () => 0, setDelayBase: () => {} },
  rateLimiter: { getSendToken: async () => {}, updateClientSendingRate: () => {} },
};

function clientWith(script: FakeResponse[], maxAttempts = 3) {
  const { handler, seen } = scriptedHandler(script);
  const client = createTranslateClient({
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts,
    retry: instant,
    requestHandler: handler,
  });
  return { client, seen };
}

const command = () =>
  new TranslateTextCommand({ Text: "Hi.", SourceLanguageCode: "en", TargetLanguageCode: "es" });

type RetryInfo = Parameters<typeof classifyTranslateError>[0];

/** SDK exceptions type `cause` as unknown where SdkError wants Error; the runtime shape is the same. */
function clientError(error: Error): RetryInfo {
  return { error: error as unknown as RetryInfo["error"], errorType: "CLIENT_ERROR" };
}

describe("classifyTranslateError", () => {
  it("should treat ServiceUnavailable and InternalServer as transient whatever the status", () => {
    const $metadata = { httpStatusCode: 400 };
    for (const error of [
      new ServiceUnavailableException({ message: "x", $metadata }),
      new InternalServerException({ message: "x", $metadata }),
    ]) {
      expect(classifyTranslateError(clientError(error)).errorType).toBe("TRANSIENT");
    }
  });

  it("should treat TooManyRequests as throttling and leave other errors alone", () => {
    const $metadata = {};
    const throttled = new TooManyRequestsException({ message: "x", $metadata });
    expect(classifyTranslateError(clientError(throttled)).errorType).toBe("THROTTLING");
    const unsupported = new UnsupportedLanguagePairException({ message: "x", $metadata });
    expect(classifyTranslateError(clientError(unsupported)).errorType).toBe("CLIENT_ERROR");
  });
});

describe("createTranslateClient", () => {
  it("should configure adaptive retries with the attempts asked for", async () => {
    const client = createTranslateClient({ region: "us-east-1", maxAttempts: 7 });
    expect(await client.config.maxAttempts()).toBe(7);
    const strategy = await client.config.retryStrategy();
    expect(strategy).toBeInstanceOf(TranslateRetryStrategy);
    expect((strategy as TranslateRetryStrategy).mode).toBe("adaptive");
  });

  it("should retry 503 ServiceUnavailable and 500 InternalServer through the SDK, then succeed", async () => {
    const { client, seen } = clientWith([
      error(503, "ServiceUnavailableException"),
      error(500, "InternalServerException"),
      ok("Hola."),
    ]);
    const output = await client.send(command());
    expect(output.TranslatedText).toBe("Hola.");
    expect(seen).toHaveLength(3);
    expect(output.$metadata.attempts).toBe(3);
  });

  it("should retry throttling (TooManyRequests) through the SDK", async () => {
    const { client, seen } = clientWith([error(429, "TooManyRequestsException"), ok("Hola.")]);
    expect((await client.send(command())).TranslatedText).toBe("Hola.");
    expect(seen).toHaveLength(2);
  });

  it("should retry ServiceUnavailable even with a status the SDK does not list as transient", async () => {
    const { client, seen } = clientWith([error(400, "ServiceUnavailableException"), ok("Hola.")]);
    expect((await client.send(command())).TranslatedText).toBe("Hola.");
    expect(seen).toHaveLength(2);
  });

  it("should not retry an unsupported language pair", async () => {
    const { client, seen } = clientWith([error(400, "UnsupportedLanguagePairException"), ok("x")]);
    const translator = new AmazonTranslateTranslator({ client });
    await expect(
      translator.translateTexts({ sourceLanguage: "en", targetLanguage: "xx", texts: ["Hi."] }),
    ).rejects.toThrow(UnsupportedLanguagePairError);
    expect(seen).toHaveLength(1);
  });

  it("should stop at maxAttempts and hand the adapter a retryable typed error", async () => {
    const { client, seen } = clientWith(
      [error(429, "TooManyRequestsException"), error(429, "TooManyRequestsException"), ok("late")],
      2,
    );
    const translator = new AmazonTranslateTranslator({ client });
    const run = translator.translateTexts({
      sourceLanguage: "en",
      targetLanguage: "es",
      texts: ["Hi."],
    });
    await expect(run).rejects.toThrow(TranslateUnavailableError);
    expect(seen).toHaveLength(2);
  });
});
