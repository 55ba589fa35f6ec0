// Types for scripts/build-sources.mjs (a plain script, so the build needs no build step of its own).
/** Paths under src/ (with `/`) that are never built into dist/. */
export declare const EXCLUDED: RegExp[];
/** The .ts files under `srcDir` that are built, as paths relative to it with `/` separators. */
export declare function shippedSources(srcDir: string): string[];
