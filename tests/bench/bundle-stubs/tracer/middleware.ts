export const captureLambdaHandler = (_tracer: unknown) => ({ before: () => {} });
