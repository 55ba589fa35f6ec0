#!/usr/bin/env node
// The fleet suite (two clusters): each Service is reached through its cluster's variable, TARMAC_SERVICE_HUB_* and
// TARMAC_SERVICE_SPOKE_*, and the two clusters are separate envs (the store is not on the spoke).
import { breakable, check, endpoint, http, runChecks } from './checks.mjs';

await runChecks('fleet', [
  {
    name: 'the hub serves datastorage',
    run: async () => check((await http('GET', `${endpoint('hub-datastorage')}/health`)).status === 200, 'not 200'),
  },
  {
    name: 'the spoke serves holmesgpt-api',
    run: async () => check((await http('GET', `${endpoint('spoke-holmesgpt-api')}/health`)).status === 200, 'not 200'),
  },
  {
    name: 'the spoke has no datastorage of its own',
    run: () => check(process.env.TARMAC_SERVICE_SPOKE_DATASTORAGE === undefined, 'a store on the spoke'),
  },
  {
    // On kind each cluster has its own kubeconfig; the podman target has none to give.
    name: 'each cluster has its own kubeconfig',
    run: () => {
      const hub = process.env.TARMAC_CLUSTER_HUB_KUBECONFIG;
      const spoke = process.env.TARMAC_CLUSTER_SPOKE_KUBECONFIG;
      check(hub === spoke ? hub === undefined : Boolean(hub && spoke), `hub ${hub}, spoke ${spoke}`);
    },
  },
  breakable('fleet'),
]);
