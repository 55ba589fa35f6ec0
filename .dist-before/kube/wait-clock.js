import { sleep } from "../watch/timeout.js";
const systemWaitClock = {
  now: () => Date.now(),
  sleep
};
export {
  systemWaitClock
};
//# sourceMappingURL=wait-clock.js.map
