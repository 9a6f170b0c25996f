// Browser test of the graph view in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core). Run by io.newskg.serve.GraphViewBrowserTest against a live server:
//   node e2e/graph-view.mjs http://localhost:PORT SCREENSHOT.png
// Searches 谢敬东, opens the person, clicks a post node, checks that the neighbourhood grew,
// checks the linked-data link, checks that hostile input is harmless, opens a big region
// (BIG_REGION, default 内蒙古自治区) and one of its groups, checks that no labels overlap and
// that the URL reopens the view, and keeps screenshots (SCREENSHOT, SCREENSHOT-region*.png).
// PERSON (default 谢敬东) names the person searched first.
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
  const person = process.env.PERSON || '谢敬东';
  await page.fill('#q', person);
  await page.press('#q', 'Enter');
  const first = page.locator('#results .result.kind-person').first();
  await first.waitFor({ timeout: 20000 });
  check((await first.textContent()).includes(person), `search ${person} finds the person`);
  await first.click();
  await page.waitForFunction(() => document.body.dataset.busy === 'yes' || Number(document.querySelector('#counts').dataset.nodes) > 1, null, { timeout: 20000 });
  await idle();
  const before = await count();
  check(before > 1, `neighbourhood drawn (${before} nodes)`);

  // Click a node that has not been expanded yet (a post, else any other) on the canvas.
  const target = await page.evaluate(() => {
    const cy = window.newskgGraph;
    const nodes = cy.nodes().filter((n) => n.data('expanded') !== 'yes' && n.data('kind') !== 'group');
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

  // A big neighbourhood: a region, opened from the search. Its neighbours come as groups with
  // counts, never more than a readable number at once, laid out without overlapping labels.
  const region = process.env.BIG_REGION || '内蒙古自治区';
  await page.fill('#q', region);
  await page.press('#q', 'Enter');
  const hit = page.locator('#results .result.kind-region').first();
  await hit.waitFor({ timeout: 20000 });
  check((await hit.textContent()).includes(region), `search ${region} finds the region first among regions`);
  await hit.click();
  await page.waitForFunction(() => document.body.dataset.busy === 'yes' || location.hash.includes('region'), null, { timeout: 20000 });
  await idle();
  const drawn = await page.evaluate(() => {
    const cy = window.newskgGraph;
    const groups = cy.nodes('[kind = "group"]');
    return { nodes: cy.nodes().length, groups: groups.length, labels: groups.map((g) => g.data('label')), hidden: Number(document.querySelector('#counts').dataset.hidden) };
  });
  check(drawn.nodes > 1 && drawn.nodes <= 60, `${region}: ${drawn.nodes} nodes drawn, ${drawn.hidden} hidden in ${drawn.groups} groups (${drawn.labels.join('; ')})`);
  const overlaps = () => page.evaluate(() => {
    const nodes = window.newskgGraph.nodes();
    const boxes = nodes.map((n) => n.boundingBox({ includeNodes: true, includeLabels: true, includeEdges: false, includeOverlays: false }));
    const pairs = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push(nodes[i].data('label') + ' / ' + nodes[j].data('label'));
      }
    }
    return pairs;
  });
  const o1 = await overlaps();
  check(o1.length === 0, `no overlapping labels (${o1.length} overlapping pairs${o1.length ? ': ' + o1.join('; ') : ''})`);
  await page.screenshot({ path: screenshot.replace(/\.png$/, '') + '-region.png', fullPage: false });

  // A group opens page by page, most connected first; the URL records it and reopens the same view.
  if (drawn.groups > 0) {
    const before2 = await count();
    const g = await page.evaluate(() => {
      const cy = window.newskgGraph;
      const grp = cy.nodes('[kind = "group"]').sort((a, b) => b.data('hidden') - a.data('hidden'))[0];
      const p = grp.renderedPosition();
      const box = cy.container().getBoundingClientRect();
      return { label: grp.data('label'), x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(g.x, g.y);
    await page.waitForFunction((n) => Number(document.querySelector('#counts').dataset.nodes) > n, before2, { timeout: 20000 });
    await idle();
    const after2 = await count();
    check(after2 > before2 && after2 <= before2 + 12, `clicking the group “${g.label}” showed ${after2 - before2} more`);
    const o2 = await overlaps();
    check(o2.length === 0, `still no overlapping labels (${o2.length} overlapping pairs${o2.length ? ': ' + o2.join('; ') : ''})`);
    const hash = await page.evaluate(() => location.hash);
    check(hash.includes('more='), `the URL records the opened group (${hash.slice(0, 60)}…)`);
    await page.screenshot({ path: screenshot.replace(/\.png$/, '') + '-region-more.png', fullPage: false });
    const shared = await browser.newPage();
    await shared.goto(server + '/graph/' + hash, { waitUntil: 'load' });
    await shared.waitForFunction(() => document.body.dataset.ready === 'yes' && document.body.dataset.busy === 'no'
      && Number(document.querySelector('#counts').dataset.nodes) > 1, null, { timeout: 30000 });
    const reopened = Number(await shared.getAttribute('#counts', 'data-nodes'));
    check(reopened === after2, `the shared URL reopens the same view (${reopened} nodes, was ${after2})`);
    await shared.close();
  }
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
