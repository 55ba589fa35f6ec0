// Issue 14, eighth round: a download inside a RUN step that failed on the server's certificate is first a TLS (or
// clock) failure, as a failed name resolution is first DNS: the consequence defers to the cause it names. Forms of Go's
// net/http and crypto/tls (golang/go src/crypto/tls/alert.go: `remote error: tls: bad certificate`; crypto/x509:
// `x509: certificate has expired or is not yet valid`, `x509: certificate signed by unknown authority`).
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

const build = (output: string) => ({ phase: 'build' as const, output });
const GET = 'go: github.com/x/y@v1.0.0: Get "https://proxy.golang.org/github.com/x/y/@v/v1.0.0.mod": ';

describe('a RUN step download refused on the certificate', () => {
  it('a server that refused the client certificate: tls-untrusted, not the download (was 85%)', async () => {
    const d = await diagnoseShape(build(`${GET}remote error: tls: bad certificate`));
    expect(d.top).toBe('tls-untrusted');
    expect(d.of('build-dependency-download')).toBeLessThan(0.4);
  });

  it('the ambiguous expired-or-not-yet-valid form: no confident download verdict on top', async () => {
    const d = await diagnoseShape(build(`${GET}x509: certificate has expired or is not yet valid`));
    expect(d.top).not.toBe('build-dependency-download');
    expect(d.confidence).toBeLessThan(0.5);
  });

  // The dev case podman-15271: podman build's ADD from a server signed by an internal CA.
  it('an unknown authority on an ADD: tls-untrusted leads and the download stays below it', async () => {
    const d = await diagnoseShape(
      build(
        'Error: error building at STEP "ADD https://internal.example/file /dir/" error reading https://internal.example/file : get "https://internal.example/file": x509: certificate signed by unknown authority',
      ),
    );
    expect(d.top).toBe('tls-untrusted');
    expect(d.of('build-dependency-download')).toBeLessThan(0.4);
  });

  it('near miss: a timeout beside nothing about certificates stays the download', async () => {
    const d = await diagnoseShape(build(`${GET}dial tcp 142.250.74.81:443: i/o timeout`));
    expect(d.top).toBe('build-dependency-download');
  });
});
