/** A do-nothing Tracer, aliased in by bench:bundle's "no tracer" rows to measure what the real one costs. */
export class Tracer {
  captureAWSv3Client<T>(client: T): T {
    return client;
  }
}
