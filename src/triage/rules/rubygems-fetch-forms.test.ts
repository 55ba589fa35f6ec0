// Issue 14, twelfth round: RubyGems' own words for a source it could not read (lib/rubygems/resolver
// SourceFetchProblem#wordy, lib/rubygems/request.rb): a download the network failed; with a near miss where a server
// answered.
import { describe, expect, it } from 'vitest';
import { diagnoseShape, failedRunStep } from './documented-forms.test-kit.js';

/** A podman build whose RUN step printed these lines (documented-forms.test-kit.ts). */
const run = (cmd: string, ...lines: string[]) => failedRunStep(cmd, lines, '3/5', 2);

describe("RubyGems' fetch that the network failed", () => {
  it('Unable to download data from https://rubygems.org/ - timed out (URL): connect-only (48%)', async () => {
    const d = await diagnoseShape(
      run(
        'gem install bundler',
        "ERROR:  Could not find a valid gem 'bundler' (>= 0), here is why:",
        '          Unable to download data from https://rubygems.org/ - timed out (https://api.rubygems.org/specs.4.8.gz)',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
    expect(d.confidence).toBeCloseTo(0.48);
    expect(d.of('build-failed')).toBeLessThan(0.5);
  });

  it('too many connection resets (URL)', async () => {
    const d = await diagnoseShape(
      run(
        'gem install rails',
        'ERROR:  While executing gem ... (Gem::RemoteFetcher::FetchError)',
        '    too many connection resets (https://rubygems.org/gems/rails-7.1.0.gem)',
      ),
    );
    expect(d.top).toBe('build-dependency-download');
  });

  it("near miss: the source's bad response (a server that answered 404) is no network failure", async () => {
    const d = await diagnoseShape(
      run(
        'gem install internal-gem',
        "ERROR:  Could not find a valid gem 'internal-gem' (>= 0), here is why:",
        '          Unable to download data from https://gems.example.com/ - bad response Not Found 404 (https://gems.example.com/specs.4.8.gz)',
      ),
    );
    expect(d.of('build-dependency-download')).not.toBeCloseTo(0.48);
  });
});
