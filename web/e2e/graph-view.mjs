// Browser test of the graph view in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core). Run by io.newskg.serve.GraphViewBrowserTest against a live server:
//   node e2e/graph-view.mjs http://localhost:PORT SCREENSHOT.png
// Searches 谢敬东, opens the person, clicks a post node, checks that the neighbourhood grew,
// checks the linked-data link, checks that hostile input is harmless, and keeps a screenshot.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const [server, screenshot] = process.argv.slice(2);
if (!server || !screenshot) {
  console.error('usage: node e2e/graph-view.mjs SERVER_URL SCREENSHOT.png');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const profile = mkdtempSync(join(tmpdir(), 'newskg-chromium-'));
// A fresh profile directory each run (playwright passes it as --user-data-dir).
const browser = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1280, height: 820 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
let page;
const errors = [];
const check = (ok, what) => {
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
  if (!ok) failed = true;
};
try {
  page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(server + '/graph/', { waitUntil: 'load' });
  const count = async () => Number(await page.getAttribute('#counts', 'data-nodes'));
  const idle = () => page.waitForFunction(() => document.body.dataset.busy === 'no', null, { timeout: 30000 });

  await page.waitForFunction(() => document.body.dataset.ready === 'yes', null, { timeout: 20000 });
  // Search and open the person.
  await page.fill('#q', '谢敬东');
  await page.press('#q', 'Enter');
  const first = page.locator('#results .result.kind-person').first();
  await first.waitFor({ timeout: 20000 });
  check((await first.textContent()).includes('谢敬东'), 'search 谢敬东 finds the person');
  await first.click();
  await page.waitForFunction(() => document.body.dataset.busy === 'yes' || Number(document.querySelector('#counts').dataset.nodes) > 1, null, { timeout: 20000 });
  await idle();
  const before = await count();
  check(before > 1, `neighbourhood drawn (${before} nodes)`);

  // Click a node that has not been expanded yet (a post, else any other) on the canvas.
  const target = await page.evaluate(() => {
    const cy = window.newskgGraph;
    const nodes = cy.nodes().filter((n) => n.data('expanded') !== 'yes');
    const pick = nodes.filter((n) => n.data('kind') === 'post')[0] || nodes.filter((n) => n.data('kind') === 'org')[0] || nodes[0];
    const p = pick.renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { id: pick.id(), label: pick.data('full'), kind: pick.data('kind'), x: box.left + p.x, y: box.top + p.y };
  });
  await page.mouse.click(target.x, target.y);
  await page.waitForFunction((n) => Number(document.querySelector('#counts').dataset.nodes) > n, before, { timeout: 20000 });
  await idle();
  const after = await count();
  check(after > before, `clicking ${target.kind} “${target.label}” grew the neighbourhood: ${before} → ${after} nodes`);
  const detailsName = await page.textContent('#d-name');
  check(detailsName === target.label, `details show the clicked node (${detailsName})`);
  const href = await page.getAttribute('#d-link', 'href');
  check(href.startsWith('/id/'), `linked-data link ${href}`);
  await page.screenshot({ path: ensureDir(screenshot), fullPage: false });

  // The linked-data page of the clicked node opens and names it.
  const ld = await browser.newPage();
  const resp = await ld.goto(server + href);
  check(resp.status() === 200 && (await ld.textContent('h1')).length > 0, `linked-data page ${href} answers ${resp.status()}`);
  await ld.close();

  // Hostile input goes through escaping: no error, no results, nothing injected.
  await page.fill('#q', '"} } ; DROP ALL ; # \\ <x> OR *:*');
  await page.press('#q', 'Enter');
  await idle();
  await page.waitForFunction(() => /没有结果|results/.test(document.querySelector('#status').textContent), null, { timeout: 20000 });
  const status = await page.textContent('#status');
  check(!(await page.locator('#status.error').count()), `hostile search answered without error (${status})`);
  check(errors.length === 0, 'no errors in the page' + (errors.length ? ': ' + errors.join(' | ') : ''));
} catch (e) {
  console.log('FAIL ' + (e.stack || e));
  if (page) console.log('     status: ' + (await page.textContent('#status').catch(() => '?')) + '; page errors: ' + errors.join(' | '));
  failed = true;
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

function ensureDir(file) {
  mkdirSync(dirname(file), { recursive: true });
  return file;
}
