// Types for scripts/bundle-cli.mjs (imported by test/cli-bundle.test.ts).
/** Bundles the CLI from `srcDir` into `outdir`; resolves to how many files it wrote. */
export declare function bundleCli(srcDir: string, outdir: string): Promise<{ files: number }>;
