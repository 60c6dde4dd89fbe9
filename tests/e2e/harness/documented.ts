// A screenshot that also goes into docs/screenshots/, for the pictures a closing note or the
// README shows (the harness's own screenshots stay in tests/e2e/screenshots/).
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { screenshot, SCREENSHOTS } from './browser.js';

const DOCS_SCREENSHOTS = path.resolve(import.meta.dirname, '../../../docs/screenshots');

export async function documented(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  copyFileSync(path.join(SCREENSHOTS, `${name}.png`), path.join(DOCS_SCREENSHOTS, `${name}.png`));
}
