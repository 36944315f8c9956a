/** Starts the local stack the way both commands want it: translator chosen, notice said once on stderr. */
import { type LocalStack, startLocalStack } from "../stack";
import { type ChosenTranslator, chooseTranslator } from "../translators";
import { type CommonOptions, pipelineSettings } from "./options";

export interface Session {
  stack: LocalStack;
  translation: ChosenTranslator;
}

export async function startSession(options: CommonOptions): Promise<Session> {
  const translation = await chooseTranslator({
    ...(options.translator ? { requested: options.translator } : {}),
    targetLanguages: options.targetLanguages,
    targetsGiven: options.targetsGiven,
    settings: { profanity: false, brevity: false, terminologyNames: [] },
  });
  if (translation.notice) process.stderr.write(`notice: ${translation.notice}\n`);
  const stack = await startLocalStack({
    dataDirectory: options.dataDirectory,
    settings: pipelineSettings(options, translation),
    ...(translation.translator ? { translator: translation.translator } : {}),
    verbose: options.verbose,
  });
  return { stack, translation };
}
