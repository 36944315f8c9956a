/**
 * Amazon Translate for the reliability runs: the real adapter (chunking, transport, typed errors) on a
 * TranslateClient mocked with aws-sdk-client-mock. The fake translation is deterministic ("[es] " before each
 * line) and every answered call is metered, so a run's billed characters can be compared with a clean run's.
 * Faults are a function of the request (target language and text), its attempt number and the seed, not of
 * call order: concurrent translate invocations interleave as the machine's load decides, and a fault drawn
 * in call order would land on another article's request from one run to the next.
 */
import {
  InternalServerException,
  ServiceUnavailableException,
  TooManyRequestsException,
  TranslateClient,
  TranslateTextCommand,
  type TranslateTextCommandInput,
} from "@aws-sdk/client-translate";
import { mockClient } from "aws-sdk-client-mock";
import { AmazonTranslateTranslator } from "../../../shared/adapters/amazon-translate";
import { codePoints } from "../../../shared/translate/bytes";
import { fate } from "../../support/seeded-random";

export interface TranslateFaults {
  /** Share of attempts answered with a 5xx, ServiceUnavailable or InternalServer (0..1). */
  serverErrorRate?: number;
  /** Share of the attempts left (not 5xx) answered with TooManyRequestsException (0..1). */
  throttleRate?: number;
  /** Another seed gives other requests the faults, at the same rates. */
  seed?: number;
}

export interface TranslateMeter {
  /** Calls the mock saw, answered or not. */
  calls: number;
  /** Calls answered with a translation. */
  answered: number;
  throttled: number;
  serverErrors: number;
  /** Code points of every answered call's text: what Amazon Translate bills. */
  billedCharacters: number;
  /** Billed characters per source text, to find what was billed more than once. */
  billedTexts: Map<string, number>;
}

export interface MockedTranslate {
  translator: AmazonTranslateTranslator;
  meter: TranslateMeter;
  restore(): void;
}

const silent = { warn: () => {}, error: () => {} };

export function fakeTranslation(text: string, target: string): string {
  return text
    .split("\n")
    .map((line) => `[${target}] ${line}`)
    .join("\n");
}

export function mockedTranslate(faults: TranslateFaults = {}): MockedTranslate {
  const client = new TranslateClient({
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  const mock = mockClient(client);
  const seed = faults.seed ?? 7;
  const attempts = new Map<string, number>();
  const meter: TranslateMeter = {
    calls: 0,
    answered: 0,
    throttled: 0,
    serverErrors: 0,
    billedCharacters: 0,
    billedTexts: new Map(),
  };
  const $metadata = {};
  mock.on(TranslateTextCommand).callsFake((input: TranslateTextCommandInput) => {
    meter.calls += 1;
    const text = input.Text ?? "";
    const target = input.TargetLanguageCode ?? "";
    // One job's deliveries run one after another (the claim), so a request's n-th attempt is its job's n-th try.
    const id = `${target}\n${text}`;
    const attempt = (attempts.get(id) ?? 0) + 1;
    attempts.set(id, attempt);
    if (fate(id, `${seed}:5xx:${attempt}`) < (faults.serverErrorRate ?? 0)) {
      meter.serverErrors += 1;
      throw attempt % 2
        ? new ServiceUnavailableException({ message: "injected 503", $metadata })
        : new InternalServerException({ message: "injected 500", $metadata });
    }
    if (fate(id, `${seed}:throttle:${attempt}`) < (faults.throttleRate ?? 0)) {
      meter.throttled += 1;
      throw new TooManyRequestsException({ message: "injected throttle", $metadata });
    }
    meter.answered += 1;
    meter.billedCharacters += codePoints(text);
    meter.billedTexts.set(text, (meter.billedTexts.get(text) ?? 0) + 1);
    return {
      TranslatedText: fakeTranslation(text, target),
      SourceLanguageCode: input.SourceLanguageCode === "auto" ? "en" : input.SourceLanguageCode,
      TargetLanguageCode: target,
    };
  });
  return {
    translator: new AmazonTranslateTranslator({ client, logger: silent }),
    meter,
    restore: () => mock.restore(),
  };
}
