// Every page type at phone and laptop width, served over http and opened from disk: it
// loads without console errors or failed requests, does not scroll sideways, every image
// and chart is shown and loaded, and its HTML, CSS and JavaScript stay under 50 KB. A
// screenshot of each goes to target/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { siteAndBrowser } from './lib/session.mjs';
import {
  PAGES,
  SIZES,
  loadImages,
  open,
  pageUrl,
  screenshotPath,
} from './lib/browser.mjs';
import { assertNone } from './lib/checks.mjs';

const session = siteAndBrowser();

for (const origin of ['http', 'file']) {
  for (const size of SIZES) {
    describe(`${origin} ${size.width}×${size.height}`, () => {
      let context;
      before(async () => {
        context = await session.browser.newContext({ viewport: size });
      });
      after(() => context.close());

      for (const p of PAGES) {
        test(p.name, async () => {
          const base = origin === 'http' ? session.server.url : null;
          // From disk there is no server to answer 404: the file itself loads.
          const status = origin === 'http' ? p.status || 200 : 200;
          const { page, problems } = await open(context, pageUrl(p, base), status);
          try {
            await checkPage(page, p, size);
            if (origin === 'http') {
              const weight = await pageWeight(page);
              assert.ok(weight < 50000, `HTML+CSS+JS is ${weight} bytes, over the 50 KB page budget`);
              await page.screenshot({
                path: screenshotPath(`${p.name}-${size.width}x${size.height}.png`),
                fullPage: true,
              });
            }
            assertNone(problems, 'console errors or failed requests');
          } finally {
            await page.close();
          }
        });
      }
    });
  }
}

async function checkPage(page, p, size) {
  const images = await loadImages(page);
  assert.ok(images.length >= p.images, `${images.length} images, expected at least ${p.images}`);
  const charts = images.filter((i) => i.chart).length;
  assert.equal(charts, p.charts || 0, 'charts');
  for (const img of images) {
    assert.ok(img.loaded, `image did not load: ${img.src}`);
    assert.ok(img.shown && img.width > 0 && img.height > 0, `image not shown: ${JSON.stringify(img)}`);
  }
  const tables = await page.evaluate(() =>
    [...document.querySelectorAll('figure.grafik')].map((f) => f.querySelector('table tbody tr') !== null),
  );
  assert.ok(tables.every(Boolean), `a chart without the table of its figures: ${JSON.stringify(tables)}`);
  if (p.maxHeight && size.width === 360) {
    const height = await page.evaluate(() => document.scrollingElement.scrollHeight);
    assert.ok(height <= p.maxHeight, `${height} px tall at 360 px, over ${p.maxHeight}`);
  }
  const scroll = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement.scrollWidth,
    innerWidth,
    // The elements reaching past the right edge, to say what to fix.
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px`),
  }));
  assert.ok(
    scroll.scrollWidth <= scroll.innerWidth,
    `scrolls sideways at ${size.width} px: ${scroll.scrollWidth} px wide; ${scroll.wide.join('; ')}`,
  );
}

/** Bytes of the page's HTML, CSS and JavaScript, uncompressed (images not counted). */
async function pageWeight(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return performance
      .getEntriesByType('resource')
      .filter((e) => /\.(css|js)(\?|$)/.test(e.name))
      .reduce((sum, e) => sum + e.decodedBodySize, nav.decodedBodySize);
  });
}
