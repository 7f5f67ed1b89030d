// The set-up most browser test files share: the built site served over http and one
// Chromium, started before the file's tests and stopped after them.
import { after, before } from 'node:test';
import { launch, siteDir } from './browser.mjs';
import { serve } from './server.mjs';

/**
 * Registers the hooks; the returned object holds `server` and `browser` once started.
 * `then(session)`, when given, runs in the same hook once both are up (top-level `before`
 * hooks of one file are not awaited one after the other).
 */
export function siteAndBrowser(then) {
  const session = {};
  before(async () => {
    session.server = await serve(siteDir());
    session.browser = await launch();
    await then?.(session);
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
