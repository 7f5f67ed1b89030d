// Shared by the browser tests and the slow-network script: where the built site is, how
// Chromium is started, which pages stand for each page type, and a page opener that
// records console errors and failed requests.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Screenshots and the printed PDF, for people to look at (target/ is git-ignored). */
export const SHOTS = join(REPO, 'target', 'browser-screenshots');

/** The built sample site; run.sh builds it and sets PAPAN_SITE. */
export function siteDir() {
  const dir = process.env.PAPAN_SITE;
  if (!dir) throw new Error('PAPAN_SITE is not set: run tests/browser/run.sh');
  return resolve(dir);
}

// The machine running CI has no network: these flags stop Chromium from calling home
// (refused connections would otherwise flood the log). Playwright itself gives every
// launch a fresh temporary --user-data-dir and refuses one in `args`.
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.PAPAN_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: LAUNCH_ARGS,
  });
}

/** A cheap Android phone and a laptop. */
export const SIZES = [
  { width: 360, height: 800 },
  { width: 1280, height: 800 },
];

// One page per page type of the sample site. `images`: how many <img> the page has at
// least, counted in content/ by hand, so "every image loads" cannot pass on a page that
// lost its images. `charts`: how many budget charts (figure.grafik) it has. `maxHeight`:
// the tallest the page may be at 360 px (issue 18: the 2025 year page was 25,895 px
// before the flow picture and the folded tables; half of that).
export const PAGES = [
  // The first four products, all with a photo.
  { name: 'beranda', path: 'index.html', images: 4 },
  // The trend chart over 2023–2025.
  { name: 'anggaran', path: 'anggaran/index.html', images: 1, charts: 1 },
  // The flow from sumber dana to bidang; pendapatan by source; belanja by bidang, by
  // jenis, by sumber dana.
  {
    name: 'anggaran-2025',
    path: 'anggaran/2025/index.html',
    images: 5,
    charts: 5,
    maxHeight: 12900,
  },
  // The ten newest of 13 reports; 7 of them have photos.
  { name: 'laporan', path: 'laporan/index.html', images: 7 },
  // Seven reports dated 2025; all but the gapura one have photos.
  { name: 'laporan-tahun', path: 'laporan/tahun/2025/index.html', images: 6 },
  { name: 'laporan-bidang', path: 'laporan/bidang/02/index.html', images: 5 },
  // The one planned report, without photos.
  { name: 'laporan-status', path: 'laporan/status/rencana/index.html', images: 0 },
  {
    name: 'laporan-isi',
    path: 'laporan/2025-pengerasan-jalan-ngasem-sidomukti-selesai/index.html',
    images: 1,
  },
  // The Balai Desa photo in the Markdown body.
  { name: 'halaman', path: 'halaman/profil-desa/index.html', images: 1 },
  // 14 products, each with a photo.
  { name: 'produk', path: 'produk/index.html', images: 14 },
  // Bakul nasi, kap lampu, tampah.
  { name: 'produk-kategori', path: 'produk/kategori/kerajinan/index.html', images: 3 },
  // Its photo and two other products of KUB Srikandi.
  { name: 'produk-isi', path: 'produk/keripik-singkong-balado/index.html', images: 3 },
  // Its photo and its three products.
  { name: 'umkm', path: 'umkm/kub-srikandi/index.html', images: 4 },
  // Over http a missing address answers 404 with this page, as hosts do.
  { name: '404', path: '404.html', httpPath: 'tidak-ada.html', status: 404, images: 0 },
];

/** The address of `page` on the server at `base`, or on disk when `base` is null. */
export function pageUrl(page, base) {
  if (base === null) return pathToFileURL(join(siteDir(), page.path)).href;
  return base + (page.httpPath || page.path);
}

export function screenshotPath(name) {
  mkdirSync(SHOTS, { recursive: true });
  return join(SHOTS, name);
}

/**
 * Opens `url` in a new tab of `context` and waits for the load event. Returns the page
 * and `problems`, a live list of console errors, script errors and failed requests
 * (status 400 or above, except `expectStatus` for the document itself).
 */
export async function open(context, url, expectStatus = 200) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Chromium logs the document's own expected 404 as a console error.
    if (expectStatus === 404 && /status of 404/.test(m.text()) && m.location().url === url) return;
    problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    const expected = r.url() === url ? expectStatus : 200;
    if (r.status() >= 400 && r.status() !== expected) {
      problems.push(`HTTP ${r.status()}: ${r.url()}`);
    }
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response && response.status() !== expectStatus) {
    problems.push(`document answered ${response.status()}, expected ${expectStatus}`);
  }
  return { page, problems };
}

/**
 * Scrolls every image into view so lazy ones load, waits for each to finish (up to 10 s),
 * scrolls back to the top, and returns a description of each image.
 */
export async function loadImages(page) {
  return page.evaluate(async () => {
    const settle = (img) =>
      new Promise((done) => {
        if (img.complete) return done();
        const timer = setTimeout(done, 10000);
        const finish = () => {
          clearTimeout(timer);
          done();
        };
        img.addEventListener('load', finish, { once: true });
        img.addEventListener('error', finish, { once: true });
      });
    const images = [...document.images];
    for (const img of images) {
      img.scrollIntoView({ block: 'center' });
      await settle(img);
    }
    window.scrollTo(0, 0);
    return images.map((img) => {
      const box = img.getBoundingClientRect();
      const style = getComputedStyle(img);
      return {
        src: img.currentSrc || img.src,
        alt: img.getAttribute('alt'),
        loaded: img.complete && img.naturalWidth > 0,
        width: box.width,
        height: box.height,
        shown: style.visibility === 'visible' && style.display !== 'none' && Number(style.opacity) > 0,
        chart: img.closest('figure.grafik') !== null,
      };
    });
  });
}
