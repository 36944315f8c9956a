import { type LambdaPorts, lambdaPorts } from "./lambda-ports";
import { createObservability, type FunctionName, type Observability } from "./powertools";
import type { SqsHandler } from "./sqs-handler";

/**
 * The Lambda entry: deps come from the environment and AWS clients. Inside Lambda they are built during
 * module init (which runs with a CPU boost, and a bad setting fails the init loudly); elsewhere (tests, the
 * local runner importing `makeHandler`) only on first call, so importing a handler module needs no env.
 * `build` gets what every function builds the same way (observability, settings, store, events) and adds
 * its own ports.
 */
export function lambdaEntry(
  name: FunctionName,
  build: (base: Observability & LambdaPorts) => SqsHandler,
): SqsHandler {
  const buildBase = () => {
    const observability = createObservability(name);
    return build({ ...observability, ...lambdaPorts(observability.tracer) });
  };
  let built: SqsHandler | undefined = process.env.AWS_LAMBDA_FUNCTION_NAME
    ? buildBase()
    : undefined;
  return (event, context) => {
    built ??= buildBase();
    return built(event, context);
  };
}
