// Not a test: how the site feels on a slow mobile connection. Loads the home page, the
// APBDes year page and the product catalog in Chromium throttled to 400 kbit/s down and up
// with 400 ms latency and no cache, and prints per page the median over several runs of
// the first contentful paint, the load event, and the bytes transferred (with gzip as
// GitHub Pages, Netlify and Cloudflare Pages send them, and without compression).
//
//   node tests/browser/slow-network.mjs [SITE_DIR] [--runs N]
//
// SITE_DIR defaults to output/ (`cargo run --release -- build` writes it there).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO, launch } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';

const CONDITIONS = {
  offline: false,
  latency: 400, // ms, added to every request
  downloadThroughput: 50000, // bytes/s = 400 kbit/s
  uploadThroughput: 50000,
};
const PAGES = [
  ['beranda', 'index.html'],
  ['anggaran 2025', 'anggaran/2025/index.html'],
  ['produk', 'produk/index.html'],
];

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
const site = resolve(args[0] || join(REPO, 'output'));
if (!existsSync(join(site, 'index.html'))) {
  console.error(`${site}/index.html not found: build the site first (cargo run --release -- build).`);
  process.exit(2);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One cold load of `url`: first contentful paint, load event (ms) and bytes received. */
async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', CONDITIONS);
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests += 1;
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  const timing = await page.evaluate(
    () =>
      new Promise((done) => {
        new PerformanceObserver((list, observer) => {
          const fcp = list.getEntriesByName('first-contentful-paint')[0];
          if (fcp) {
            observer.disconnect();
            const nav = performance.getEntriesByType('navigation')[0];
            done({ fcp: fcp.startTime, load: nav.loadEventStart });
          }
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  // Lazy images below the fold are not fetched; wait for anything still under way.
  await page.waitForLoadState('networkidle');
  await context.close();
  return { ...timing, bytes, requests };
}

const browser = await launch();
console.log(`400 kbit/s down and up, 400 ms latency, cache off, 360×800; median of ${runs} runs`);
console.log('page            transfer    FCP (ms)  load (ms)  bytes  requests');
for (const gzip of [true, false]) {
  const server = await serve(site, { gzip });
  for (const [name, path] of PAGES) {
    const results = [];
    for (let i = 0; i < runs; i += 1) results.push(await measure(browser, server.url + path));
    const m = (key) => median(results.map((r) => r[key]));
    console.log(
      [
        name.padEnd(15),
        (gzip ? 'gzip' : 'uncompressed').padEnd(12),
        String(Math.round(m('fcp'))).padStart(8),
        String(Math.round(m('load'))).padStart(10),
        String(m('bytes')).padStart(7),
        String(m('requests')).padStart(9),
      ].join(' '),
    );
  }
  await server.close();
}
await browser.close();
