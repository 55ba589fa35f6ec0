// Waiting for an HTTP endpoint to answer, for tests that start services.

/** Polls `url` until it answers 200 (or one of `statuses`; returning the body), or throws after `timeoutMs` with the last problem seen. */
export async function waitForHttp(
  url: string,
  timeoutMs = 30_000,
  intervalMs = 200,
  statuses: readonly number[] = [200],
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no attempt yet';
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      const body = await res.text();
      if (statuses.includes(res.status)) return body;
      last = `HTTP ${res.status}: ${body.slice(0, 200)}`;
    } catch (error) {
      last =
        error instanceof Error
          ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`
          : String(error);
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms; last: ${last}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
