// A RUN step's package manager refused by its own feed (401/403) is not the engine's registry login (the review of
// round 10 found registry-auth claiming a NuGet feed's 401 at 90%). The builder blamed the instruction, and no line
// has a container registry's words: registry-auth stays below half. Near misses: the engine's own pull of a base image
// refused by its registry, and a RUN step whose docker client was refused by a registry, stay confident.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

const build = (output: string[]) => ({ phase: 'build' as const, exitCode: 1, output: output.join('\n') });

describe("a package feed's refusal inside a RUN step", () => {
  // microsoft/artifacts-credprovider#255: `dotnet restore` in a docker build against an Azure Artifacts feed.
  it("NuGet's 401 under the classic builder's 'returned a non-zero code' is no registry login", async () => {
    const d = await diagnoseShape(
      build([
        '/usr/share/dotnet/sdk/3.1.409/NuGet.targets(128,5): error : Unable to load the service index for source https://pkgs.dev.azure.com/mytestorganization/_packaging/mytestorganization/nuget/v3/index.json. [/src/MyAppService/MyAppService.csproj]',
        '/usr/share/dotnet/sdk/3.1.409/NuGet.targets(128,5): error :   Response status code does not indicate success: 401 (Unauthorized). [/src/MyAppService/MyAppService.csproj]',
        'The command \'/bin/sh -c dotnet restore --configfile NuGet.Config "MyAppService/MyAppService.csproj"\' returned a non-zero code: 1',
      ]),
    );
    expect(d.of('registry-auth')).toBeLessThan(0.5);
    expect(d.confidence).toBeLessThan(0.5);
  });

  // npm's documented E401 (docs.npmjs.com, "Common errors"), in a podman build's RUN step.
  it("npm's E401 in a podman build's RUN step is no registry login", async () => {
    const d = await diagnoseShape(
      build([
        'npm ERR! code E401',
        'npm ERR! 401 Unauthorized - GET https://npm.pkg.github.com/@acme%2fwidgets - authentication token not provided',
        'Error: building at STEP "RUN npm ci": while running runtime: exit status 1',
      ]),
    );
    expect(d.of('registry-auth')).toBeLessThan(0.5);
  });
});

describe("near misses: the refusal is a container registry's", () => {
  it("the builder's own pull of the base image refused by its registry stays registry-auth", async () => {
    const d = await diagnoseShape(
      build([
        'ERROR: failed to solve: registry.example.com/team/base:1: failed to authorize: failed to fetch oauth token: unexpected status: 401 Unauthorized',
      ]),
    );
    expect(d.top).toBe('registry-auth');
    expect(d.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it("a RUN step whose docker client a registry refused (the registry's words) stays registry-auth", async () => {
    const d = await diagnoseShape(
      build([
        'Error response from daemon: Get "https://registry.example.com/v2/": unauthorized: authentication required',
        'Error: building at STEP "RUN docker pull registry.example.com/team/tool:1": while running runtime: exit status 1',
      ]),
    );
    expect(d.of('registry-auth')).toBeGreaterThanOrEqual(0.8);
  });
});
