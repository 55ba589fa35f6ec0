// Waiting for a condition in e2e tests (never a fixed sleep): poll, and on timeout say what was last seen.

/** Polls `check` until it returns a value; fails after `timeoutMs` with the last thing seen. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 60_000,
  seen: () => unknown = () => undefined,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}; last seen: ${JSON.stringify(await seen())}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
