import { sleep } from "../watch/timeout.js";
async function pause(ms, signal, wakers) {
  const wake = new AbortController();
  const waker = () => wake.abort();
  wakers.add(waker);
  try {
    await sleep(ms, AbortSignal.any([signal, wake.signal]));
  } finally {
    wakers.delete(waker);
  }
}
export {
  pause
};
//# sourceMappingURL=pause.js.map
