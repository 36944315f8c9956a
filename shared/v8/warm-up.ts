/**
 * Why some modules run their own code on made-up input before the first real input. V8 optimizes a function
 * from the type feedback its calls have left so far, and the first call down a path none of them took (a first
 * "é", a table entry not filled yet) throws the optimized code away and compiles the function again, in every
 * process. Taking those paths first gives the first compile their feedback.
 *
 * Warm-ups run on the first use of the code they warm, not at import: a process that never takes that code (a
 * translate Lambda importing the contract) does not pay for it, and a benchmark of the first pass counts it.
 */

/**
 * V8 allocates a function's feedback only from this call on (its flag --invocation-count-for-feedback-allocation):
 * paths taken only in a function's first calls teach its first compile nothing.
 */
export const CALLS_BEFORE_FEEDBACK = 8;

/** Makes `call` often enough that its last call leaves feedback. */
export function callUntilFeedback(call: () => void): void {
  for (let calls = 0; calls <= CALLS_BEFORE_FEEDBACK; calls++) call();
}

/**
 * A function that runs `warmUp` on its first call and does nothing after. Marked done before `warmUp` runs, so a
 * warm-up may call the very entry point that asks for it.
 */
export function warmUpOnFirstUse(warmUp: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    warmUp();
  };
}
