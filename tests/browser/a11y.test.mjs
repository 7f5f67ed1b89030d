// Accessibility of every page type at phone and laptop width: axe-core finds no serious or
// critical violation, lang="id", headings in order, charts with text and a data table,
// and every control reachable by keyboard with a visible focus indicator.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { siteAndBrowser } from './lib/session.mjs';
import { PAGES, SIZES, loadImages, open, pageUrl, screenshotPath } from './lib/browser.mjs';
import { assertNone, axe, chartProblems, headingProblems, keyboardProblems } from './lib/checks.mjs';

const session = siteAndBrowser();
const summary = [];

after(() => {
  // For people: every violation found, serious or not, per page and width.
  writeFileSync(screenshotPath('axe.txt'), summary.join('\n') + '\n');
});

const serious = (v) => v.impact === 'serious' || v.impact === 'critical';

for (const size of SIZES) {
  describe(`${size.width}×${size.height}`, () => {
    let context;
    before(async () => {
      context = await session.browser.newContext({ viewport: size });
    });
    after(() => context.close());

    for (const p of PAGES) {
      test(p.name, async (t) => {
        const { page } = await open(context, pageUrl(p, session.server.url), p.status || 200);
        try {
          await loadImages(page);
          await t.test('axe-core', async () => {
            const result = await axe(page);
            const others = result.violations.filter((v) => !serious(v));
            summary.push(
              `${p.name} ${size.width}px: ${result.passes} rules pass; ` +
                (result.violations.length
                  ? result.violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`).join(', ')
                  : 'no violations'),
            );
            if (others.length) t.diagnostic(others.map((v) => `${v.impact}: ${v.id}`).join(', '));
            assertNone(
              result.violations.filter(serious).flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${n}`)),
              'axe-core: serious or critical violations',
            );
          });
          await t.test('lang="id"', async () => {
            assert.equal(await page.evaluate(() => document.documentElement.getAttribute('lang')), 'id');
          });
          await t.test('headings in order', async () => {
            assertNone(await headingProblems(page), 'headings');
          });
          await t.test('charts have text and a table', async () => {
            assertNone(await chartProblems(page), 'charts');
          });
          await t.test('keyboard', async () => {
            const { problems, stops } = await keyboardProblems(page);
            assert.ok(stops > 0, 'nothing to focus');
            assertNone(problems, 'keyboard');
          });
        } finally {
          await page.close();
        }
      });
    }
  });
}
