/**
 * Amazon Translate for the reliability runs: the real adapter (chunking, transport, typed errors) on a
 * TranslateClient mocked with aws-sdk-client-mock. The fake translation is deterministic ("[es] " before each
 * line) and every answered call is metered, so a run's billed characters can be compared with a clean run's.
 * Faults come from a seeded generator: a share of calls throttled, and bursts of 5xx in a row.
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
import { seededRandom } from "../../support/seeded-random";

export interface TranslateFaults {
  /** Share of calls answered with TooManyRequestsException (0..1). */
  throttleRate?: number;
  /** Every this many calls, a burst of 5xx (ServiceUnavailable / InternalServer) starts. */
  burstEvery?: number;
  /** Calls in each burst. */
  burstLength?: number;
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
  const random = seededRandom(faults.seed ?? 7);
  const meter: TranslateMeter = {
    calls: 0,
    answered: 0,
    throttled: 0,
    serverErrors: 0,
    billedCharacters: 0,
    billedTexts: new Map(),
  };
  let burstLeft = 0;
  const $metadata = {};
  mock.on(TranslateTextCommand).callsFake((input: TranslateTextCommandInput) => {
    meter.calls += 1;
    if (faults.burstEvery && meter.calls % faults.burstEvery === 0) {
      burstLeft = faults.burstLength ?? 3;
    }
    if (burstLeft > 0) {
      burstLeft -= 1;
      meter.serverErrors += 1;
      throw burstLeft % 2 === 0
        ? new ServiceUnavailableException({ message: "injected 503", $metadata })
        : new InternalServerException({ message: "injected 500", $metadata });
    }
    if (faults.throttleRate && random() < faults.throttleRate) {
      meter.throttled += 1;
      throw new TooManyRequestsException({ message: "injected throttle", $metadata });
    }
    const text = input.Text ?? "";
    const target = input.TargetLanguageCode ?? "";
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
