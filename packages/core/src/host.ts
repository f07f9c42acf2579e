/**
 * The little core needs from its host to work in slices: a clock and a way to
 * yield to the event loop. Node, browsers, service workers and VS Code all have
 * `performance` and `setTimeout`; core's lib settings (plain ES, no DOM, no
 * Node types) do not declare them.
 */
declare const setTimeout: (callback: () => void, ms: number) => unknown;
declare const performance: { now(): number };

/** Milliseconds, monotonic. */
export const now = (): number => performance.now();

/** Resolves on a later turn of the event loop, after pending input and rendering. */
export const yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs resumable steps to the end in one go. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs resumable steps, yielding to the event loop whenever `sliceMs` of work has passed. */
export async function runStepsInSlices<T>(steps: Generator<void, T>, sliceMs = 10): Promise<T> {
  let sliceStart = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() - sliceStart >= sliceMs) {
      await yieldToHost();
      sliceStart = now();
    }
  }
}
