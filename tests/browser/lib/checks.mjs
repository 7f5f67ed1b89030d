// Accessibility checks run inside a page: axe-core, heading order, chart text
// alternatives, and a walk through the page with the Tab key.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core with its default rules; returns the violations, compactly. */
export async function axe(page) {
  // Evaluated through the DevTools protocol, so a Content-Security-Policy that forbids
  // inline scripts does not stop it.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
      })),
    };
  });
}

/** Problems with the page's headings: one h1, first, and no skipped level. */
export async function headingProblems(page) {
  return page.evaluate(() => {
    const heads = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => ({
      level: Number(h.tagName[1]),
      text: h.textContent.trim(),
    }));
    const problems = [];
    const h1s = heads.filter((h) => h.level === 1).length;
    if (h1s !== 1) problems.push(`${h1s} h1 headings, expected one`);
    if (heads.length && heads[0].level !== 1) problems.push(`first heading is h${heads[0].level}`);
    heads.forEach((h, i) => {
      if (!h.text) problems.push(`empty h${h.level}`);
      if (i > 0 && h.level > heads[i - 1].level + 1) {
        problems.push(`h${heads[i - 1].level} "${heads[i - 1].text}" is followed by h${h.level} "${h.text}"`);
      }
    });
    return problems;
  });
}

/** Problems with charts: each needs a non-empty alt and a table of its data right after. */
export async function chartProblems(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('figure.grafik img')].flatMap((img) => {
      const problems = [];
      const name = img.getAttribute('src');
      if (!(img.getAttribute('alt') || '').trim()) problems.push(`chart ${name} has no alt text`);
      // The table may sit folded under the chart (details), but in the same figure.
      if (!img.closest('figure').querySelector('table tbody tr')) {
        problems.push(`chart ${name} has no table of its data in its figure`);
      }
      return problems;
    }),
  );
}

/**
 * Presses Tab through the whole page. Focus must reach every link, button, summary and
 * form field in document order, and each must show a visible focus indicator inside the
 * viewport. Returns the problems found and how many stops there were.
 */
export async function keyboardProblems(page) {
  const expected = await page.evaluate(() => {
    const focusable = [
      ...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]'),
    ].filter((el) => {
      if (el.disabled || el.tabIndex < 0 || el.closest('[hidden], [inert]')) return false;
      if (el.tagName === 'SUMMARY' && el.parentElement.querySelector(':scope > summary') !== el) {
        return false;
      }
      const closed = el.closest('details:not([open])');
      if (closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed)) return false;
      return getComputedStyle(el).visibility === 'visible' && el.getClientRects().length > 0;
    });
    focusable.forEach((el, i) => el.setAttribute('data-uji-tab', String(i)));
    return focusable.length;
  });

  const problems = [];
  const order = [];
  for (let i = 0; i <= expected; i += 1) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(describeFocus);
    if (!f || (f.tab === '0' && order.length > 0)) break;
    order.push(f.tab);
    if (f.tab === null) problems.push(`unexpected tab stop: ${f.what}`);
    if (!f.visible) problems.push(`no visible focus indicator on ${f.what} (${f.why})`);
    if (!f.inView) problems.push(`focused ${f.what} is outside the viewport`);
  }
  const want = Array.from({ length: expected }, (_, i) => String(i));
  if (order.join() !== want.join()) {
    const at = want.findIndex((w, i) => order[i] !== w);
    problems.push(
      `focus order differs from document order at stop ${at}: got ${order.slice(at, at + 3).join(',')}, ` +
        `expected ${want.slice(at, at + 3).join(',')} (${order.length} of ${expected} stops reached)`,
    );
  }
  return { problems, stops: expected };
}

// Runs in the page: where focus is, and whether it can be seen.
function describeFocus() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const text = (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40);
  const what = `<${el.tagName.toLowerCase()}> "${text}"`;
  const rect = el.getBoundingClientRect();
  const inView = rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 &&
    rect.top < innerHeight && rect.left < innerWidth;

  const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const lin = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  // The colour around the element, where an outline with a positive offset is drawn: the
  // nearest ancestor with an opaque background.
  let bg = [255, 255, 255];
  for (let n = el.parentElement; n && n.nodeType === 1; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length >= 3 && (c.length === 3 || c[3] > 0.5)) {
      bg = c.slice(0, 3);
      break;
    }
  }
  const style = getComputedStyle(el);
  let visible = false;
  let why = 'no outline';
  if (style.outlineStyle === 'auto') {
    // Chromium's own two-tone focus ring shows on any background.
    visible = true;
  } else if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) {
    const [a, b] = [luminance(rgb(style.outlineColor)), luminance(bg)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    visible = ratio >= 3;
    why = `outline contrast ${ratio.toFixed(2)}:1 against rgb(${bg.join(',')}), needs 3:1`;
  }
  return { tab: el.getAttribute('data-uji-tab'), what, inView, visible, why };
}

/** Fails with the first few `problems` (a page can have hundreds of the same kind). */
export function assertNone(problems, what) {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 8).map((p) => `  - ${p}`);
  if (problems.length > 8) shown.push(`  … and ${problems.length - 8} more`);
  throw new Error(`${what}:\n${shown.join('\n')}`);
}
