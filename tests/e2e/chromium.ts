import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Route } from 'playwright-core';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const isLoopback = (url: string) => {
  try {
    return LOOPBACK.has(new URL(url).hostname);
  } catch {
    return false;
  }
};

/**
 * Lets a page reach only this machine: article images point at real portals, which tests never
 * reach, neither directly nor through bantin's image route (`/img?u=`, which would fetch them).
 */
export const loopbackOnly = (route: Route) => {
  const url = new URL(route.request().url());
  const through = url.pathname === '/img' ? url.searchParams.get('u') : null;
  return isLoopback(url.href) && (through === null || isLoopback(through)) ? route.continue() : route.abort('blockedbyclient');
};

/** Debian's chromium (installed by .ci/run), headless, in a fresh profile, loopback only. */
export async function openChromium(viewport: { width: number; height: number }): Promise<{ browser: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'bantin-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport,
  });
  await browser.route('**/*', loopbackOnly);
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
