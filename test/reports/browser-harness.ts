/**
 * Drives Debian's chromium through playwright-core for the report tests: a fresh profile per
 * run, every request, console message, page error and dialog recorded, and a MutationObserver
 * (installed before the document parses) that records every element and attribute that appears.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(opts: { colorScheme?: 'light' | 'dark' } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'dpm-chromium-'));
  let context: BrowserContext;
  try {
    // launchPersistentContext passes the fresh profile as --user-data-dir.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      colorScheme: opts.colorScheme ?? 'light',
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true }); // a failed launch must not leave the profile behind
    throw e;
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One Chromium and one scratch folder for a describe block: made before its tests, closed and removed after
 * them (also when a test failed). Read `session.browser` and `session.out` inside the tests.
 */
export function browserSession(prefix: string, timeoutMs = 180_000): { readonly browser: Browser; readonly out: string } {
  const session = {} as { browser: Browser; out: string };
  beforeAll(async () => {
    session.out = mkdtempSync(join(tmpdir(), prefix));
    session.browser = await launch();
  }, timeoutMs);
  afterAll(async () => {
    await session.browser?.close();
    if (session.out) rmSync(session.out, { recursive: true, force: true });
  });
  return session;
}

export interface Added {
  tag: string;
  attrs: string[];
}

export interface Opened {
  page: Page;
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** Elements and attributes the MutationObserver saw appear (parser-made ones included). */
  added(): Promise<Added[]>;
}

const OBSERVER = `(() => {
  const seen = [];
  Object.defineProperty(window, '__dpmAdded', { value: seen });
  const rec = (n) => { if (n.nodeType === 1) seen.push({ tag: n.localName, attrs: Array.from(n.attributes, (a) => a.name + '=' + a.value) }); };
  new MutationObserver((muts) => {
    for (const m of muts) {
      if (m.type === 'attributes') rec(m.target);
      for (const n of m.addedNodes) { rec(n); if (n.querySelectorAll) n.querySelectorAll('*').forEach(rec); }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

export async function openReport(b: Browser, file: string): Promise<Opened> {
  const page = await b.context.newPage();
  const o: Opened = {
    page,
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    added: () => page.evaluate(() => (window as unknown as { __dpmAdded: Added[] }).__dpmAdded),
  };
  page.on('request', (r) => o.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') o.consoleErrors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => o.pageErrors.push(e.message));
  page.on('dialog', (d) => {
    o.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(OBSERVER);
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  return o;
}
