import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, visible } from './browser.ts';
import { DEMO_PASSWORD, type RunningServer, startServer } from './server.ts';

export interface Viewport {
  width: number;
  height: number;
}

export const DESKTOP: Viewport = { width: 1366, height: 768 };

export interface Session {
  /** A Vietnamese browser context on the running server; `mobile` adds touch and the mobile viewport meta. */
  newContext(viewport?: Viewport, mobile?: boolean): Promise<BrowserContext>;
}

/** Starts a server and a browser before the file's tests and stops both after them. */
export function useSession(): Session {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    newContext(viewport = DESKTOP, mobile = false) {
      return browser.newContext({
        baseURL: server.url,
        viewport,
        isMobile: mobile,
        hasTouch: mobile,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        acceptDownloads: true,
      });
    },
  };
}

/** Signs in with the demo password and waits for the landing page. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await (await visible(page.getByLabel('Tên đăng nhập'))).fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL('**/organizations');
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.waitForURL('**/login');
}
