// The APBDes year page printed by Chromium on A4, as the village would pin it on the
// papan informasi: no menu or buttons, every table row (even in collapsed groups), table
// headers repeated on each page, rows never cut, and the complaints address present.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { siteAndBrowser } from './lib/session.mjs';
import { open, screenshotPath } from './lib/browser.mjs';

let pages; // the PDF's text, one string per page (pdftotext -layout)
let text; // all of it, whitespace collapsed
let printStyle;

siteAndBrowser(async ({ browser, server }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, problems } = await open(context, `${server.url}anggaran/2025/index.html`);
  // A reader who closed every group before printing still gets every row on paper.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = false)));
  const pdf = screenshotPath('anggaran-2025-a4.pdf');
  // The page's own @page rule sets the A4 size and the margins.
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'print' });
  printStyle = await page.evaluate(() => ({
    rows: [...document.querySelectorAll('tr')].map((tr) => getComputedStyle(tr).breakInside),
    heads: [...document.querySelectorAll('thead')].map((t) => getComputedStyle(t).display),
  }));
  assert.deepEqual(problems, []);
  const out = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  pages = out.split('\f').filter((p) => p.trim());
  text = out.replace(/\s+/g, ' ');
  const size = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Page size:\s+([\d.]+) x ([\d.]+)/);
  // A4 is 210 × 297 mm = 595.3 × 841.9 pt.
  assert.ok(Math.abs(size[1] - 595.3) < 2 && Math.abs(size[2] - 841.9) < 2, `page size ${size[0]}`);
});

test('page count is sensible for A4', () => {
  // The 2025 page has 11 tables with about 100 rows, 4 charts with their tables, the
  // summary, two lists of kegiatan and the glossary. At 10 pt a row takes at least 0.45 cm
  // (45 cm for the rows alone) and each chart 8 cm beside its table: that cannot fit on
  // fewer than 3 pages of 27 cm. It prints on 7; more than 8 means something prints that
  // should not (menu, phone card layout, full-width charts) or rows are spaced as on screen.
  assert.ok(pages.length >= 3 && pages.length <= 8, `${pages.length} pages`);
});

test('title, figures and the complaints address are printed', () => {
  for (const want of [
    'APBDes Tahun 2025',
    // Total pendapatan: the six pendapatan rows of content/anggaran/2025.yaml added by
    // hand, 16 500 000 + 21 000 000 + 1 064 827 000 + 56 215 800 + 671 902 000 + 2 000 000.
    'Rp 1.832.444.800',
    // Their realisasi: 0 + 21 000 000 + 638 896 000 + 19 675 500 + 335 951 000 + 948 730.
    'Rp 1.016.471.230',
    // One kegiatan row inside a group that was closed before printing (02.03.10).
    'Rp 228.640.000',
    // A label drawn inside the pendapatan chart (the SVG), so the charts are printed:
    // Dana Desa, 1 064 827 000 rounded to two decimals of a billion.
    'Rp 1,06 miliar',
    'Pertanyaan dan pengaduan',
    // alamat_pengaduan in content/desa.yaml.
    'Kantor Desa Sukamaju Lestari, Jl. Raya Sukamaju Lestari No. 1; WhatsApp 0812-0000-0000; surel pengaduan@sukamajulestari.example',
  ]) {
    assert.ok(text.includes(want), `missing: ${want}`);
  }
});

test('no menu, skip link, breadcrumb, download links or URLs', () => {
  for (const unwanted of ['Langsung ke isi', 'Beranda', 'Struktur Pemerintahan', '›', 'Unduh data', 'http']) {
    assert.ok(!text.includes(unwanted), `printed: ${unwanted}`);
  }
});

test('rows are never cut and headers repeat on every page with rows', () => {
  assert.ok(printStyle.rows.length > 90, `${printStyle.rows.length} rows`);
  assert.ok(printStyle.rows.every((b) => b === 'avoid'), 'a table row may break across pages');
  assert.ok(printStyle.heads.every((d) => d === 'table-header-group'), 'a table header does not repeat');
  // A budget table row in the text starts with its code (4.1.1, 01.02.03) and has an
  // amount in a column further right (list items read "…: anggaran Rp …", one space
  // apart). Each page showing such a row must also show the column headers.
  const row = /^\s*(\d\.\d\.\d+|\d{2}\.\d{2}\.\d{2})\s+\S.*?\s{2,}\(?Rp /m;
  const header = /Kode\s+Uraian\s+Anggaran/;
  assert.ok(pages.some((p) => row.test(p)), 'no budget row found in the PDF text');
  pages.forEach((p, i) => {
    if (row.test(p)) assert.match(p, header, `page ${i + 1} has rows but no header`);
  });
});
