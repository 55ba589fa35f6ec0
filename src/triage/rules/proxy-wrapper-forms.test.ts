// Issue 14, twelfth round: a proxy named in the clients' own wrappers: Go's bare CONNECT refusal inside kubectl's
// validation error, and curl's failed connect to another port than its URL's (curl's lib/connect.c form); with near
// misses where the same words are the server's or a redirect's.
import { describe, expect, it } from 'vitest';
import { diagnoseShape, failedRunStep } from './documented-forms.test-kit.js';

/** A podman build whose RUN step printed these lines (documented-forms.test-kit.ts). */
const run = (cmd: string, ...lines: string[]) => failedRunStep(cmd, lines, '2/4');
const validating = (reason: string) => ({
  phase: 'deploy' as const,
  output: `error: error validating "deploy.yaml": error validating data: failed to download openapi: Get "https://10.89.0.5:6443/openapi/v2?timeout=32s": ${reason}; if you choose to ignore these errors, turn validation off with --validate=false`,
});

describe("a proxy in the clients' own wrappers", () => {
  // kubernetes/kubectl pkg/cmd/util/helpers.go wraps the validation error; Go's transport gives the CONNECT's reason.
  it("kubectl's validation wrapping Go's refused CONNECT: ...: Forbidden; if you choose to ignore these errors", async () => {
    const d = await diagnoseShape(validating('Forbidden'));
    expect(d.top).toBe('proxy');
  });

  it("near miss: kubectl's validation cut by EOF is no proxy's answer", async () => {
    const d = await diagnoseShape(validating('EOF'));
    expect(d.top).not.toBe('proxy');
  });

  // curl/curl lib/connect.c, curl 7's form.
  it("curl's failed connect to another port than its URL's: Failed to connect to gw.corp.example port 3128 (75%)", async () => {
    const d = await diagnoseShape(
      run(
        'curl -fsSL https://get.example.com/install.sh -o /tmp/install.sh',
        'curl: (7) Failed to connect to gw.corp.example port 3128: Connection refused',
      ),
    );
    expect(d.top).toBe('proxy');
    expect(d.confidence).toBeCloseTo(0.75);
  });

  // curl 8's form adds the time and curl_easy_strerror's text.
  it("curl 8's form: Failed to connect to 10.20.0.1 port 8080 after 2003 ms: Couldn't connect to server", async () => {
    const d = await diagnoseShape(
      run(
        'curl -fsSLO https://downloads.example.org/tool.tar.gz',
        "curl: (7) Failed to connect to 10.20.0.1 port 8080 after 2003 ms: Couldn't connect to server",
      ),
    );
    expect(d.top).toBe('proxy');
  });

  it("near miss: a redirect's CDN on the URL's own port is the download's, not a proxy's", async () => {
    const d = await diagnoseShape(
      run(
        'curl -fsSLO https://github.com/example/tool/releases/download/v1.0/tool.tar.gz',
        'curl: (28) Failed to connect to objects.githubusercontent.com port 443 after 130001 ms: Timeout was reached',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
  });

  it("near miss: the URL's own host and port refusing is the server's side", async () => {
    const d = await diagnoseShape(
      run(
        'curl -fsSL https://get.example.com/install.sh',
        'curl: (7) Failed to connect to get.example.com port 443 after 12 ms: Connection refused',
      ),
    );
    expect(d.top).not.toBe('proxy');
  });
});
