import type { SqsHandler } from "./sqs-handler";

/**
 * The Lambda entry: deps come from the environment and AWS clients. Inside Lambda they are built during
 * module init (which runs with a CPU boost, and a bad setting fails the init loudly); elsewhere (tests, the
 * local runner importing `makeHandler`) only on first call, so importing a handler module needs no env.
 */
export function lambdaEntry(build: () => SqsHandler): SqsHandler {
  let built: SqsHandler | undefined = process.env.AWS_LAMBDA_FUNCTION_NAME ? build() : undefined;
  return (event, context) => {
    built ??= build();
    return built(event, context);
  };
}
