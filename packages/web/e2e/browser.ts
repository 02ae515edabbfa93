import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Screenshots land here (git-ignored), one per screen, for people to look at after a run. */
export const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/web', import.meta.url));

/** Debian's Chromium, headless, with nothing that reaches the network on its own. */
export async function launchChromium(): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: number;
}

/**
 * Runs axe-core on the page as it is; returns the serious and critical violations. The source is evaluated through
 * the DevTools protocol, so the app's Content-Security-Policy stays as it is in production.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    // Runs in the page: the DOM's globals, typed here by hand (this file is compiled for Node).
    const w = globalThis as unknown as {
      document: unknown;
      axe: {
        run(
          ctx: unknown,
          options: object,
        ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] }>;
      };
    };
    const result = await w.axe.run(w.document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
}

/** The session the app keeps in sessionStorage (tokens and user), as stored. */
export function storedSession(page: Page): Promise<string | null> {
  return page.evaluate(() =>
    (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem(
      'careloop.session',
    ),
  );
}
