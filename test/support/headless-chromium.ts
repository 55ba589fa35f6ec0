// Debian's chromium driven by puppeteer-core: load a local page, collect every script error, decode pixels.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** The chromium binary: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(`chromium not found at ${path}: apt-get install chromium (or set CHROMIUM_PATH)`);
  return path;
}

/** A headless chromium; --no-sandbox because tests run as root here. */
export async function launchChromium(): Promise<Browser> {
  return await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
  });
}

export interface LoadedPage {
  page: Page;
  /** Console messages of type error, uncaught exceptions and failed requests, as they happened. */
  problems: string[];
}

/** Opens `url` in a new page of `width` px and records every console error, page error and failed request. */
export async function openPage(browser: Browser, url: string, width = 1100): Promise<LoadedPage> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  await page.setViewport({ width, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

/**
 * RGBA pixels of a PNG, decoded by the browser itself (a blank page, no project code), so the
 * test needs no PNG library: returns the pixel count and how many are close to each wanted colour.
 */
export async function countColours(
  browser: Browser,
  png: Uint8Array,
  colours: Record<string, [number, number, number]>,
): Promise<{ pixels: number; counts: Record<string, number>; distinct: number }> {
  const page = await browser.newPage();
  try {
    const b64 = Buffer.from(png).toString('base64');
    // A string, not a function: this project compiles without the DOM types, and this runs in the page.
    return (await page.evaluate(`(async () => {
      const wanted = ${JSON.stringify(colours)};
      const img = new Image();
      img.src = 'data:image/png;base64,${b64}';
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, img.width, img.height).data;
      const counts = Object.fromEntries(Object.keys(wanted).map((k) => [k, 0]));
      const seen = new Set();
      for (let i = 0; i < px.length; i += 4) {
        const r = px[i], g = px[i + 1], b = px[i + 2];
        seen.add((r << 16) | (g << 8) | b);
        for (const [name, [wr, wg, wb]] of Object.entries(wanted)) {
          if (Math.abs(r - wr) + Math.abs(g - wg) + Math.abs(b - wb) < 30) counts[name] += 1;
        }
      }
      return { pixels: px.length / 4, counts, distinct: seen.size };
    })()`)) as { pixels: number; counts: Record<string, number>; distinct: number };
  } finally {
    await page.close();
  }
}
