// NewsKG graph view: search people, organisations, regions and events (/search), draw their
// neighbourhood (official – post – organisation – region – event) with Cytoscape.js and fcose,
// large neighbourhoods as groups with counts that open page by page, most connected first;
// click a node to expand it, follow it to its linked-data page. The URL records what is open.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { bind, select, term } from './sparql.js';
import { byDegree, decodeState, encodeState, groupId, groupLabel, MAX_NODES, nextPage, PAGE, parseGroupId, shorten } from './view.js';
import { pageUrl as linkTo } from './links.js';

const PREFIXES = `
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org:  <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX nif:  <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX nkg:  <https://w3id.org/newskg/ns#>
PREFIX text: <http://jena.apache.org/text#>
`;

// $node: the IRI of one node.
const NODE = PREFIXES + `
SELECT (SAMPLE(?l) AS ?label) (SAMPLE(?r) AS ?role) (GROUP_CONCAT(DISTINCT STR(?t); separator=" ") AS ?types)
WHERE {
  OPTIONAL { $node rdfs:label ?l }
  OPTIONAL { $node org:role/skos:prefLabel ?r }
  OPTIONAL { $node a ?t }
}`;

// Links that only repeat others (org:heldBy, org:hasPost), point at vocabulary (types, levels,
// event types, roles) or at text spans are left out.
const SKIP = `FILTER(?p NOT IN (rdf:type, nkg:sentence, nif:referenceContext, nkg:level, nkg:eventType, org:role, nkg:byline,
                    nkg:page, dcterms:isPartOf, org:hasPost, org:heldBy, prov:wasDerivedFrom))`;
const TYPES = 'FILTER(?t IN (foaf:Person, org:Post, org:Organization, nkg:Region, nkg:Event, nkg:Article))';

// $node: the node to expand: how many neighbours of each kind, through each relation.
const GROUPS = PREFIXES + `
SELECT ?p ?dir ?t (COUNT(DISTINCT ?n) AS ?count)
WHERE {
  { $node ?p ?n . BIND("out" AS ?dir) } UNION { ?n ?p $node . BIND("in" AS ?dir) }
  FILTER(isIRI(?n))
  ${SKIP}
  ?n a ?t . ${TYPES}
}
GROUP BY ?p ?dir ?t`;

// $node, $p, $t: the members of one group (at most $limit).
const MEMBERS_OUT = PREFIXES + `SELECT DISTINCT ?n WHERE { $node $p ?n . ?n a $t } LIMIT $limit`;
const MEMBERS_IN = PREFIXES + `SELECT DISTINCT ?n WHERE { ?n $p $node . ?n a $t } LIMIT $limit`;

// $nodes: labels of nodes the search index does not hold (posts, articles).
const LABELS = PREFIXES + `
SELECT ?n (SAMPLE(?l) AS ?label) (SAMPLE(?r) AS ?role) (SAMPLE(?f) AS ?file) (SAMPLE(?i) AS ?pos) WHERE {
  VALUES ?n { $nodes }
  OPTIONAL { ?n rdfs:label ?l }
  OPTIONAL { ?n org:role/skos:prefLabel ?r }
  OPTIONAL { ?n nkg:page/nkg:file ?f ; nkg:position ?i }
} GROUP BY ?n`;

const NKG = 'https://w3id.org/newskg/ns#';
const ORG = 'http://www.w3.org/ns/org#';
const KINDS = [
  ['person', ['http://xmlns.com/foaf/0.1/Person', NKG + 'Official'], '人物'],
  ['post', [ORG + 'Post'], '职务'],
  ['org', [ORG + 'Organization'], '机构'],
  ['region', [NKG + 'Region'], '地区'],
  ['event', [NKG + 'Event'], '事件'],
  ['article', [NKG + 'Article'], '文章'],
];
const KIND_NAMES = Object.fromEntries(KINDS.map(([k, , n]) => [k, n]));
const KIND_TYPE = Object.fromEntries(KINDS.map(([k, iris]) => [k, iris[0]]));
const EDGE_NAMES = {
  [ORG + 'holds']: '担任',
  [ORG + 'postIn']: '任职于',
  [ORG + 'basedAt']: '位于',
  [NKG + 'partOf']: '隶属',
  [NKG + 'participant']: '参与者',
  [NKG + 'organizer']: '主办',
  [NKG + 'mentions']: '提及',
  [NKG + 'ofPost']: '职务',
  [NKG + 'hasPlace']: '地点',
  'http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace': '地点',
};
const LABEL_CHARS = 16;
/** Most neighbours one expansion draws at once (small groups); bigger ones stay groups. */
const INLINE = 30;

function kindOf(types) {
  const ts = (types || '').split(' ');
  for (const [kind, iris] of KINDS) if (iris.some((i) => ts.includes(i))) return kind;
  return 'other';
}

function localName(iri) {
  const i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
  return i >= 0 ? iri.slice(i + 1) : iri;
}

// groups: group id → { owner, p, dir, kind, total, members (sorted, once fetched), shown }
const state = { config: null, cy: null, root: null, expanded: new Set(), groups: new Map(), selected: null, busy: 0, info: new Map() };
const $ = (id) => document.getElementById(id);

/** Runs an action, keeping <body data-busy> at "yes" while any is running (tests wait on it). */
async function busy(action) {
  state.busy++;
  document.body.dataset.busy = 'yes';
  try {
    return await action();
  } finally {
    if (--state.busy === 0) document.body.dataset.busy = 'no';
  }
}

function setStatus(msg, isError) {
  const s = $('status');
  s.textContent = msg;
  s.classList.toggle('error', !!isError);
}

function updateCounts() {
  const c = $('counts');
  const nodes = state.cy.nodes('[kind != "group"]');
  const n = nodes.length, e = state.cy.edges().length;
  let hidden = 0;
  state.cy.nodes('[kind = "group"]').forEach((g) => { hidden += g.data('hidden') || 0; });
  c.textContent = n ? `${n} 个节点 nodes · ${e} 条边 edges${hidden ? ` · ${hidden} 个未显示 hidden (点击分组展开 click a group)` : ''}` : '';
  c.dataset.nodes = String(n);
  c.dataset.edges = String(e);
  c.dataset.hidden = String(hidden);
}

function pageUrl(iri) {
  return linkTo(iri, state.config.base, state.config.linkedData);
}

function updateHash() {
  if (!state.root) return;
  const paged = new Map([...state.groups].map(([id, g]) => [id, Math.ceil(Math.max(0, g.shown - (g.inline ? g.total : 0)) / PAGE)]));
  history.replaceState(null, '', '#' + encodeState(state.root, state.expanded, paged));
}

/** Labels and details for nodes: the search index for people, organisations, regions, events; SPARQL for the rest. */
async function describe(iris) {
  const need = iris.filter((i) => !state.info.has(i));
  for (let i = 0; i < need.length; i += 200) {
    const chunk = need.slice(i, i + 200);
    const body = new URLSearchParams();
    for (const iri of chunk) body.append('iri', iri);
    try {
      const resp = await fetch(state.config.search + '/nodes', { method: 'POST', body });
      if (resp.ok) for (const n of (await resp.json()).nodes) state.info.set(n.iri, n);
    } catch (e) {
      // the SPARQL labels below still name them
    }
    const rest = chunk.filter((x) => !state.info.has(x));
    if (rest.length) {
      const rows = await select(state.config.sparql, bind(LABELS, { nodes: term.iris(rest) }));
      for (const r of rows) {
        // an article without a title is named by its page and place in it
        const label = r.role ? r.role.value : r.label ? r.label.value
          : r.file ? r.file.value.replace(/\.txt$/, '') + ' #' + (Number(r.pos ? r.pos.value : 0) + 1) : localName(r.n.value);
        state.info.set(r.n.value, { iri: r.n.value, label, degree: 0 });
      }
    }
  }
  return iris.map((i) => state.info.get(i) || { iri: i, label: localName(i), degree: 0 });
}

function addNode(iri, info, kind) {
  let n = state.cy.getElementById(iri);
  if (n.length === 0) {
    const label = info.label || localName(iri);
    n = state.cy.add({ group: 'nodes', data: { id: iri, label: shorten(label, LABEL_CHARS), full: label, kind, detail: info.detail || '' } });
  }
  return n;
}

function addEdge(src, p, dst) {
  const id = src + ' ' + p + ' ' + dst;
  if (state.cy.getElementById(id).length === 0) {
    state.cy.add({ group: 'edges', data: { id, source: src, target: dst, label: EDGE_NAMES[p] || localName(p), predicate: p } });
  }
}

async function search(input) {
  const list = $('results');
  list.replaceChildren();
  if (!String(input).trim()) return;
  setStatus('搜索中 searching…');
  try {
    const resp = await fetch(state.config.search + '?limit=30&q=' + encodeURIComponent(input));
    const json = await resp.json();
    if (!resp.ok) throw new Error(json.error || ('search answered ' + resp.status));
    for (const hit of json.hits) {
      state.info.set(hit.iri, hit);
      const li = document.createElement('li');
      const btn = document.createElement('button');
      btn.type = 'button';
      btn.className = 'result kind-' + hit.kind;
      btn.dataset.iri = hit.iri;
      const tag = document.createElement('span');
      tag.className = 'tag';
      tag.textContent = KIND_NAMES[hit.kind] || '其他';
      const text = document.createElement('span');
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = hit.label;
      const detail = document.createElement('small');
      detail.className = 'detail';
      detail.textContent = hit.detail || '';
      text.append(name, detail);
      btn.append(tag, text);
      btn.addEventListener('click', () => busy(() => show(hit.iri, hit.kind)).catch((e) => setStatus(String(e.message || e), true)));
      li.append(btn);
      list.append(li);
    }
    setStatus(json.hits.length ? `${json.hits.length} 个结果 results` : '没有结果 no results');
  } catch (e) {
    setStatus(String(e.message || e), true);
  }
}

/** Starts a new drawing from one node. */
async function show(iri, kind) {
  state.cy.elements().remove();
  state.expanded.clear();
  state.groups.clear();
  state.root = iri;
  if (!kind) {
    const rows = await select(state.config.sparql, bind(NODE, { node: term.iri(iri) }));
    kind = kindOf(rows[0] && rows[0].types && rows[0].types.value);
  }
  const [info] = await describe([iri]);
  addNode(iri, info, kind);
  await expand(iri);
  // A person's posts lead on to their organisations: show that step at once.
  if (kind === 'person') {
    for (const post of state.cy.nodes('[kind = "post"]').map((n) => n.id())) await expand(post, false);
    await layout(true);
  }
  select1(iri);
  updateHash();
}

/** Adds a node's neighbours: small groups drawn at once, large ones as a group node with its count. */
async function expand(iri, doLayout = true) {
  if (state.expanded.has(iri)) return 0;
  state.expanded.add(iri);
  setStatus('载入中 loading…');
  let added = 0;
  try {
    const rows = await select(state.config.sparql, bind(GROUPS, { node: term.iri(iri) }));
    const groups = [];
    for (const row of rows) {
      const kind = kindOf(row.t.value);
      const id = groupId(iri, row.p.value, row.dir.value, kind);
      if (state.groups.has(id)) continue;
      groups.push({ id, owner: iri, p: row.p.value, dir: row.dir.value, kind, total: Number(row.count.value), members: null, shown: 0 });
    }
    // small groups are drawn at once, smallest first, up to INLINE nodes in all; the rest stay
    // group nodes with their counts
    groups.sort((a, b) => a.total - b.total);
    let budget = INLINE;
    for (const g of groups) {
      state.groups.set(g.id, g);
      if (g.total <= PAGE && g.total <= budget) {
        budget -= g.total;
        g.inline = true;
        added += await showMore(g.id, g.total, false);
      } else {
        const center = state.cy.getElementById(iri).position();
        state.cy.add({ group: 'nodes', data: { id: g.id, kind: 'group', memberKind: g.kind, hidden: g.total, full: groupLabel(g.total, 0, KIND_NAMES[g.kind], EDGE_NAMES[g.p]),
          label: groupLabel(g.total, 0, KIND_NAMES[g.kind], EDGE_NAMES[g.p]) }, position: { x: center.x + 1, y: center.y + 1 } });
        state.cy.add({ group: 'edges', data: { id: g.id + ' edge', source: iri, target: g.id, label: '', predicate: g.p } });
      }
    }
    state.cy.getElementById(iri).data('expanded', 'yes');
    if (doLayout) await layout(false);
    updateCounts();
    const summary = [...groups].sort((a, b) => b.total - a.total).map((g) => `${g.total} ${KIND_NAMES[g.kind] || ''}`).join(' · ');
    setStatus(summary ? `邻居 neighbours: ${summary}` : '没有新的邻居 no new neighbours');
  } catch (e) {
    state.expanded.delete(iri);
    setStatus(String(e.message || e), true);
  }
  return added;
}

/** Draws the next members of a group (most connected first); the group node says how many are left. */
async function showMore(id, n = PAGE, doLayout = true) {
  const g = state.groups.get(id);
  if (!g) return 0;
  if (!g.members) {
    const tmpl = g.dir === 'out' ? MEMBERS_OUT : MEMBERS_IN;
    const rows = await select(state.config.sparql, bind(tmpl, {
      node: term.iri(g.owner), p: term.iri(g.p), t: term.iri(KIND_TYPE[g.kind]), limit: term.integer(1000) }));
    g.members = byDegree(await describe(rows.map((r) => r.n.value)));
  }
  const room = MAX_NODES - state.cy.nodes('[kind != "group"]').length;
  if (room <= 0) {
    setStatus(`已显示 ${MAX_NODES} 个节点，无法再加 — 打开一个节点重新开始 (at most ${MAX_NODES} nodes: open a node to start afresh)`, true);
    return 0;
  }
  const page = nextPage(g.members, g.shown, Math.min(n, room));
  const owner = state.cy.getElementById(g.owner);
  const pos = owner.position();
  let added = 0;
  state.cy.batch(() => {
    page.forEach((m, i) => {
      const isNew = state.cy.getElementById(m.iri).length === 0;
      const node = addNode(m.iri, m, g.kind);
      if (isNew) {
        added++;
        const a = (2 * Math.PI * i) / Math.max(page.length, 1);
        node.position({ x: pos.x + 120 * Math.cos(a), y: pos.y + 120 * Math.sin(a) });
      }
      if (g.dir === 'out') addEdge(g.owner, g.p, m.iri); else addEdge(m.iri, g.p, g.owner);
    });
  });
  g.shown += page.length;
  const total = g.members.length < g.total ? g.members.length : g.total;
  const node = state.cy.getElementById(id);
  if (node.length) {
    if (g.shown >= total) node.remove();
    else {
      const label = groupLabel(g.total, g.shown, KIND_NAMES[g.kind], EDGE_NAMES[g.p]);
      node.data({ label, full: label, hidden: g.total - g.shown });
    }
  }
  if (doLayout) {
    await layout(false);
    updateCounts();
    updateHash();
  }
  return added;
}

/** fcose: no overlaps, labels counted in the node size; later steps start from the current map. */
async function layout(fresh) {
  state.cy.layout({
    name: 'fcose', animate: false, fit: true, padding: 30, quality: 'proof',
    // a fresh layout each time: an incremental one from the new nodes' starting ring left overlaps
    randomize: true,
    nodeDimensionsIncludeLabels: true, nodeSeparation: 60, idealEdgeLength: () => 90, nodeRepulsion: () => 6000,
    packComponents: true, tile: true,
  }).run();
  separate();
  // label sizes are measured for good once drawn: separate again after the next frame
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  if (separate() < 0) separate();
  state.cy.fit(undefined, 30);
  if (state.cy.zoom() > 1.3) {
    state.cy.zoom(1.3);
    state.cy.center();
  }
}

/**
 * Pushes apart nodes whose boxes (labels included) still overlap after the layout: the less
 * connected of two moves away from the other along the line between them, until none overlap.
 */
function separate() {
  const nodes = state.cy.nodes().toArray();
  // no cache: label boxes follow a moved node only when recomputed
  const opts = { includeNodes: true, includeLabels: true, includeEdges: false, includeOverlays: false, useCache: false };
  const gap = 4;
  for (let round = 0; round < 400; round++) {
    let moved = false;
    const boxes = nodes.map((n) => n.boundingBox(opts));
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = boxes[i], b = boxes[j];
        const ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + gap, oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + gap;
        if (ox <= 0 || oy <= 0) continue;
        // both move apart along the axis that needs the shorter push; an expanded node stays put
        const pi = nodes[i].position(), pj = nodes[j].position();
        const fi = nodes[i].data('expanded') === 'yes', fj = nodes[j].data('expanded') === 'yes';
        const si = fi && fj ? 0.5 : fi ? 0 : fj ? 1 : 0.5, sj = 1 - si;
        if (ox < oy) {
          const d = pi.x < pj.x || (pi.x === pj.x && i < j) ? -1 : 1;
          nodes[i].position({ x: pi.x + d * ox * si, y: pi.y });
          nodes[j].position({ x: pj.x - d * ox * sj, y: pj.y });
        } else {
          const d = pi.y < pj.y || (pi.y === pj.y && i < j) ? -1 : 1;
          nodes[i].position({ x: pi.x, y: pi.y + d * oy * si });
          nodes[j].position({ x: pj.x, y: pj.y - d * oy * sj });
        }
        boxes[i] = nodes[i].boundingBox(opts);
        boxes[j] = nodes[j].boundingBox(opts);
        moved = true;
      }
    }
    if (!moved) return round;
  }
  return -1;
}

function select1(iri) {
  const n = state.cy.getElementById(iri);
  if (n.length === 0) return;
  state.cy.nodes().unselect();
  n.select();
  state.selected = iri;
  const d = $('details');
  d.hidden = false;
  $('d-name').textContent = n.data('full');
  $('d-kind').textContent = KIND_NAMES[n.data('kind')] || '其他';
  $('d-detail').textContent = n.data('detail') || '';
  $('d-iri').textContent = iri;
  const a = $('d-link');
  const url = pageUrl(iri);
  if (url) {
    a.href = url;
    a.hidden = false;
  } else {
    a.removeAttribute('href');
    a.hidden = true;
  }
  // what this node's groups still hide
  const ul = $('d-groups');
  ul.replaceChildren();
  for (const [id, g] of state.groups) {
    if (g.owner !== iri) continue;
    const li = document.createElement('li');
    li.textContent = `${g.total} ${KIND_NAMES[g.kind] || ''} · ${EDGE_NAMES[g.p] || localName(g.p)}` + (g.shown < g.total ? ` (显示 shown ${g.shown})` : '');
    if (g.shown < g.total && !g.inline) {
      const more = document.createElement('button');
      more.type = 'button';
      more.textContent = '更多 more';
      more.addEventListener('click', () => busy(async () => { await showMore(id); select1(iri); }));
      li.append(' ', more);
    }
    ul.append(li);
  }
}

async function restore(hash) {
  const s = decodeState(hash);
  if (!s.root) return false;
  await show(s.root);
  for (const iri of s.open) if (state.cy.getElementById(iri).length) await expand(iri, false);
  for (const [id, n] of s.more) {
    for (let i = 0; i < n && state.groups.has(id); i++) await showMore(id, PAGE, false);
  }
  await layout(false);
  updateCounts();
  updateHash();
  select1(s.root);
  return true;
}

async function main() {
  // No native form submission, even before the configuration has arrived.
  $('search').addEventListener('submit', (ev) => ev.preventDefault());
  state.config = await (await fetch('config.json')).json();
  cytoscape.use(fcose);
  state.cy = cytoscape({
    container: $('cy'),
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: {
        'label': 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3,
        'width': 22, 'height': 22, 'background-color': '#9aa5b1', 'color': '#1d2433',
        'text-outline-color': '#fff', 'text-outline-width': 2,
        'font-family': '"Noto Sans CJK SC","WenQuanYi Micro Hei","WenQuanYi Zen Hei","PingFang SC","Microsoft YaHei",sans-serif' } },
      { selector: 'node[kind = "person"]', style: { 'background-color': '#d9534f', 'shape': 'ellipse', 'width': 28, 'height': 28 } },
      { selector: 'node[kind = "post"]', style: { 'background-color': '#f0ad4e', 'shape': 'round-rectangle' } },
      { selector: 'node[kind = "org"]', style: { 'background-color': '#337ab7', 'shape': 'round-rectangle', 'width': 30 } },
      { selector: 'node[kind = "region"]', style: { 'background-color': '#5cb85c', 'shape': 'hexagon', 'width': 28, 'height': 28 } },
      { selector: 'node[kind = "event"]', style: { 'background-color': '#8e44ad', 'shape': 'diamond', 'width': 26, 'height': 26 } },
      { selector: 'node[kind = "article"]', style: { 'background-color': '#bdc3c7', 'shape': 'rectangle', 'width': 14, 'height': 18 } },
      { selector: 'node[kind = "group"]', style: {
        'shape': 'round-rectangle', 'width': (n) => 14 + 11 * String(n.data('label')).length, 'height': 22, 'text-valign': 'center', 'text-margin-y': 0,
        'background-color': '#eef1f6', 'border-width': 1, 'border-style': 'dashed', 'border-color': '#7a8699',
        'font-size': 11, 'color': '#334', 'text-outline-width': 0 } },
      { selector: 'node[kind = "group"][memberKind = "person"]', style: { 'border-color': '#d9534f' } },
      { selector: 'node[kind = "group"][memberKind = "event"]', style: { 'border-color': '#8e44ad' } },
      { selector: 'node[kind = "group"][memberKind = "org"]', style: { 'border-color': '#337ab7' } },
      { selector: 'node[kind = "group"][memberKind = "region"]', style: { 'border-color': '#5cb85c' } },
      { selector: 'node[expanded = "yes"]', style: { 'border-width': 3, 'border-color': '#1d2433' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ff7f0e' } },
      { selector: 'edge', style: {
        'width': 1.5, 'line-color': '#c3cad4', 'target-arrow-color': '#c3cad4', 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', 'label': 'data(label)', 'font-size': 9, 'color': '#6b7684',
        'text-rotation': 'autorotate', 'text-outline-color': '#fff', 'text-outline-width': 2 } },
      { selector: 'edge[label = ""]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' } },
    ],
    layout: { name: 'preset' },
  });
  window.newskgGraph = state.cy; // for tests and the browser console
  state.cy.on('tap', 'node', (ev) => busy(async () => {
    const id = ev.target.id();
    if (ev.target.data('kind') === 'group') {
      const g = parseGroupId(id);
      await showMore(id);
      if (g) select1(g.owner);
      return;
    }
    select1(id);
    await expand(id);
    updateHash();
    select1(id);
  }));
  state.cy.on('dbltap', 'node', (ev) => {
    if (ev.target.data('kind') === 'group') return;
    const url = pageUrl(ev.target.id());
    if (url) window.location.href = url;
  });
  $('search').addEventListener('submit', (ev) => { ev.preventDefault(); busy(() => search($('q').value)); });
  $('d-expand').addEventListener('click', () => state.selected && busy(async () => { await expand(state.selected); updateHash(); select1(state.selected); }));
  window.addEventListener('hashchange', () => {
    const s = decodeState(location.hash);
    if (s.root && s.root !== state.root) busy(() => restore(location.hash)).catch((e) => setStatus(String(e.message || e), true));
  });
  updateCounts();
  document.body.dataset.ready = 'yes';
  try {
    if (!(await busy(() => restore(location.hash)))) setStatus('输入人名、机构、地区或事件 search a person, organisation, region or event');
  } catch (e) {
    setStatus(String(e.message || e), true);
  }
}

document.body.dataset.busy = 'no';
busy(main).catch((e) => setStatus(String(e.message || e), true));
