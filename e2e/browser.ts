import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { TMP_DIR } from './server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless; each launch gets a fresh temporary profile (user-data-dir). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(TMP_DIR, { recursive: true });
  const file = path.join(TMP_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Waits until the locator shows, and fails with what was looked for. */
export async function visible(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator.first();
}

interface AnimatedDocument {
  getAnimations(): { playState: string; effect: { getComputedTiming(): { endTime?: number } } | null }[];
}

/** Waits until the finite CSS animations and transitions (toasts, popovers, list items) have finished. */
export async function settled(page: Page, timeout = 5_000): Promise<void> {
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { document: AnimatedDocument }).document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
    undefined,
    { timeout, polling: 100 },
  );
}

/** Types a date as dd/mm/yyyy into an antd date field and leaves it, as a clerk does. */
export async function fillDate(field: Locator, value: string) {
  await field.fill(value);
  await field.press('Tab');
}

/** The message shown under a field: the help its aria-describedby points to. */
export async function fieldError(page: Page, field: Locator): Promise<Locator> {
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const help = ((await field.getAttribute('aria-describedby')) ?? '')
    .split(' ')
    .find((id) => id.endsWith('_help'));
  expect(help, 'the field names its error message').toBeDefined();
  return visible(page.locator(`[id="${help}"]`));
}

/** An option of the open antd select list. */
export function option(page: Page, name: string | RegExp): Locator {
  return page.locator('.ant-select-item-option').filter({ hasText: name, visible: true });
}

/**
 * A button by its whole text. antd keeps a finished loading icon (aria-label "loading") inside the button
 * while the icon's leave animation runs, and on a loaded machine it can stay there for seconds: the
 * button's name then reads "loading Lưu" although it shows "Lưu" and works.
 */
export function button(scope: Page | Locator, text: string): Locator {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByRole('button', { name: new RegExp(`^(loading )?${escaped}$`) });
}
