/** The Amazon Translate adapter on a mocked TranslateClient: what its tests share. */
import {
  TranslateClient,
  TranslateTextCommand,
  type TranslateTextCommandInput,
} from "@aws-sdk/client-translate";
import { mockClient } from "aws-sdk-client-mock";
import { vi } from "vitest";
import { AmazonTranslateTranslator } from "../../../shared/adapters/amazon-translate";

export const translateMock = mockClient(TranslateClient);
export const meta = { $metadata: {} };
export const silent = { warn: vi.fn(), error: vi.fn() };

export function inputs(): TranslateTextCommandInput[] {
  return translateMock.commandCalls(TranslateTextCommand).map((c) => c.args[0].input);
}

/** Answers every request with its text upper-cased, line for line. */
export function echoUpper(): void {
  translateMock.on(TranslateTextCommand).callsFake(async (input: TranslateTextCommandInput) => ({
    TranslatedText: (input.Text ?? "").toUpperCase(),
    SourceLanguageCode: input.SourceLanguageCode,
    TargetLanguageCode: input.TargetLanguageCode,
  }));
}

export function translator(
  options: ConstructorParameters<typeof AmazonTranslateTranslator>[0] = {},
) {
  return new AmazonTranslateTranslator({
    client: new TranslateClient({ region: "us-east-1" }),
    logger: silent,
    ...options,
  });
}

export const sentences = (n: number, text = "The river rose two metres overnight.") =>
  Array.from({ length: n }, (_, i) => `${i}: ${text}`);
