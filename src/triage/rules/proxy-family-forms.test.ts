// Issue 14, eleventh round: a proxy in the path, read by the clients' own families (infra-markers.ts' proxy marker,
// proxy-hop.ts' looked-up names), each with a near miss where the same words are not a proxy's.
import { describe, expect, it } from 'vitest';
import { diagnoseShape, failedRunStep } from './documented-forms.test-kit.js';

/** A podman build whose RUN step printed these lines (documented-forms.test-kit.ts). */
const run = (cmd: string, ...lines: string[]) => failedRunStep(cmd, lines, '2/4');

describe("a proxy stood in the path, in the clients' own words", () => {
  // GNU wget src/http.c heads an answer that came through a proxy `Proxy request sent, awaiting response...`.
  it("GNU wget's answer through a proxy: Proxy request sent, awaiting response... 503 Service Unavailable", async () => {
    const d = await diagnoseShape(
      run(
        'wget http://downloads.example.org/tool.tar.gz',
        '--2024-05-01 10:00:00--  http://downloads.example.org/tool.tar.gz',
        'Connecting to 10.10.1.1:3128... connected.',
        'Proxy request sent, awaiting response... 503 Service Unavailable',
        '2024-05-01 10:00:01 ERROR 503: Service Unavailable.',
      ),
    );
    expect(d.top).toBe('proxy');
  });

  // dotnet/runtime System.Net.Http: net_http_proxy_tunnel_returned_failure_status_code.
  it(".NET's failed tunnel: The proxy tunnel request to proxy 'http://gw:3128/' failed with status code '407'", async () => {
    const d = await diagnoseShape(
      run(
        'dotnet restore',
        '/src/app.csproj : error NU1301: Unable to load the service index for source https://api.nuget.org/v3/index.json.',
        "  The proxy tunnel request to proxy 'http://gw.corp.example:3128/' failed with status code '407'.",
      ),
    );
    expect(d.top).toBe('proxy');
    expect(d.confidence).toBeGreaterThanOrEqual(0.85);
  });

  // nodejs/node lib/dns.js: npm resolves the proxy's name when one is set, and relays the failed lookup after the URL.
  it("npm's lookup of another host than the registry's: getaddrinfo ENOTFOUND gw.corp.example", async () => {
    const d = await diagnoseShape(
      run(
        'npm ci',
        'npm ERR! code ENOTFOUND',
        'npm ERR! request to https://registry.npmjs.org/express failed, reason: getaddrinfo ENOTFOUND gw.corp.example',
      ),
    );
    expect(d.top).toBe('proxy');
  });

  it("near miss: wget's answer from the origin itself (HTTP request sent ... 503) is the server's", async () => {
    const d = await diagnoseShape(
      run(
        'wget http://downloads.example.org/tool.tar.gz',
        '--2024-05-01 10:00:00--  http://downloads.example.org/tool.tar.gz',
        'Connecting to downloads.example.org (downloads.example.org)|93.184.216.34|:80... connected.',
        'HTTP request sent, awaiting response... 503 Service Unavailable',
        '2024-05-01 10:00:01 ERROR 503: Service Unavailable.',
      ),
    );
    expect(d.top).not.toBe('proxy');
  });

  it("near miss: wget's 404 through a proxy is the origin's answer relayed", async () => {
    const d = await diagnoseShape(
      run(
        'wget http://downloads.example.org/tool.tar.gz',
        'Proxy request sent, awaiting response... 404 Not Found',
        '2024-05-01 10:00:01 ERROR 404: Not Found.',
      ),
    );
    expect(d.top).not.toBe('proxy');
  });

  it("near miss: npm's failed lookup of the registry's own name is DNS, not a proxy", async () => {
    const d = await diagnoseShape(
      run(
        'npm ci',
        'npm ERR! request to https://registry.npmjs.org/express failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org',
      ),
    );
    expect(d.top).toBe('dns-resolution');
  });
});

describe("the registry client's unparsable answer (distribution registry/client/errors.go)", () => {
  it('error parsing HTTP 407 response body: the proxy wants credentials', async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output:
        'Error response from daemon: error parsing HTTP 407 response body: invalid character \'<\' looking for beginning of value: "<html><body>Access denied: please log in</body></html>"',
    });
    expect(d.top).toBe('proxy');
    expect(d.confidence).toBeGreaterThanOrEqual(0.85);
  });

  // A CDN's or firewall's block page in front of the registry reads the same: a hint, below half.
  it("a 403 whose body is an HTML page: a proxy's block page (a registry answers JSON), a hint", async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output:
        'Error response from daemon: error parsing HTTP 403 response body: invalid character \'<\' looking for beginning of value: "<html><body><h1>403 Forbidden</h1>\\nRequest forbidden by administrative rules.\\n</body></html>\\n"',
    });
    expect(d.top).toBe('proxy');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("near miss: a registry's own JSON 403 (denied) is the registry", async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output: 'Error response from daemon: denied: requested access to the resource is denied',
    });
    expect(d.top).not.toBe('proxy');
  });
});
