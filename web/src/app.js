// NewsKG graph view: search people, organisations, regions and events with the full-text
// index, draw their neighbourhood (official – post – organisation – region – event) with
// Cytoscape.js, click a node to expand it, follow it to its linked-data page.
import cytoscape from 'cytoscape';
import { bind, luceneAllWords, select, term } from './sparql.js';
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

// $q: a string literal holding a Lucene query; $limit: an integer.
const SEARCH = PREFIXES + `
SELECT ?s (SAMPLE(?l) AS ?label) (MAX(?sc) AS ?score) (GROUP_CONCAT(DISTINCT STR(?t); separator=" ") AS ?types)
WHERE {
  (?s ?sc ?l) text:query (rdfs:label $q $limit) .
  ?s a ?t .
  FILTER(?t IN (nkg:Official, foaf:Person, org:Organization, nkg:Region, nkg:Event))
}
GROUP BY ?s ORDER BY DESC(?score) LIMIT 30`;

// $node: the IRI of one node.
const NODE = PREFIXES + `
SELECT (SAMPLE(?l) AS ?label) (SAMPLE(?r) AS ?role) (GROUP_CONCAT(DISTINCT STR(?t); separator=" ") AS ?types)
WHERE {
  OPTIONAL { $node rdfs:label ?l }
  OPTIONAL { $node org:role/skos:prefLabel ?r }
  OPTIONAL { $node a ?t }
}`;

// $node: the IRI of the node to expand. Links that only repeat others (org:heldBy, org:hasPost),
// point at vocabulary (types, levels, event types, roles) or at text spans are left out.
const NEIGHBOURS = PREFIXES + `
SELECT ?n ?p ?dir (SAMPLE(?nl) AS ?label) (SAMPLE(?r) AS ?role) (GROUP_CONCAT(DISTINCT STR(?t); separator=" ") AS ?types)
WHERE {
  { $node ?p ?n . BIND("out" AS ?dir) } UNION { ?n ?p $node . BIND("in" AS ?dir) }
  FILTER(isIRI(?n))
  FILTER(?p NOT IN (rdf:type, nkg:sentence, nif:referenceContext, nkg:level, nkg:eventType, org:role, nkg:byline,
                    nkg:page, dcterms:isPartOf, org:hasPost, org:heldBy, prov:wasDerivedFrom))
  OPTIONAL { ?n rdfs:label ?nl }
  OPTIONAL { ?n org:role/skos:prefLabel ?r }
  OPTIONAL { ?n a ?t }
}
GROUP BY ?n ?p ?dir
LIMIT 400`;

const NKG = 'https://w3id.org/newskg/ns#';
const KINDS = [
  ['person', [NKG + 'Official', 'http://xmlns.com/foaf/0.1/Person'], '人物'],
  ['post', ['http://www.w3.org/ns/org#Post'], '职务'],
  ['org', ['http://www.w3.org/ns/org#Organization'], '机构'],
  ['region', [NKG + 'Region'], '地区'],
  ['event', [NKG + 'Event'], '事件'],
  ['article', [NKG + 'Article'], '文章'],
];
const KIND_NAMES = Object.fromEntries(KINDS.map(([k, , n]) => [k, n]));
const EDGE_NAMES = {
  'http://www.w3.org/ns/org#holds': '担任',
  'http://www.w3.org/ns/org#postIn': '任职于',
  'http://www.w3.org/ns/org#basedAt': '位于',
  [NKG + 'partOf']: '隶属',
  [NKG + 'participant']: '参与者',
  [NKG + 'organizer']: '主办',
  [NKG + 'mentions']: '提及',
  'http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace': '地点',
};

function kindOf(types) {
  const ts = (types || '').split(' ');
  for (const [kind, iris] of KINDS) if (iris.some((i) => ts.includes(i))) return kind;
  return 'other';
}

function localName(iri) {
  const i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
  return i >= 0 ? iri.slice(i + 1) : iri;
}

function shorten(s, n) { return s.length > n ? s.slice(0, n - 1) + '…' : s; }

function nodeLabel(row, iri) {
  if (row.role) return row.role.value;
  if (row.label) return row.label.value;
  return localName(iri);
}

const state = { config: null, cy: null, expanded: new Set(), selected: null, busy: 0 };
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
  const n = state.cy.nodes().length, e = state.cy.edges().length;
  c.textContent = n ? `${n} 个节点 nodes · ${e} 条边 edges` : '';
  c.dataset.nodes = String(n);
  c.dataset.edges = String(e);
}

function pageUrl(iri) {
  return linkTo(iri, state.config.base, state.config.linkedData);
}

function addNode(iri, label, kind) {
  let n = state.cy.getElementById(iri);
  if (n.length === 0) {
    n = state.cy.add({ group: 'nodes', data: { id: iri, label: shorten(label, 24), full: label, kind } });
  }
  return n;
}

async function search(input) {
  const q = luceneAllWords(input);
  const list = $('results');
  list.replaceChildren();
  if (!q) return;
  setStatus('搜索中 searching…');
  try {
    const rows = await select(state.config.sparql, bind(SEARCH, { q: term.literal(q), limit: term.integer(500) }));
    for (const row of rows) {
      const iri = row.s.value;
      const kind = kindOf(row.types && row.types.value);
      const li = document.createElement('li');
      const btn = document.createElement('button');
      btn.type = 'button';
      btn.className = 'result kind-' + kind;
      btn.dataset.iri = iri;
      const tag = document.createElement('span');
      tag.className = 'tag';
      tag.textContent = KIND_NAMES[kind] || '其他';
      const name = document.createElement('span');
      name.textContent = row.label ? row.label.value : localName(iri);
      btn.append(tag, name);
      btn.addEventListener('click', () => busy(() => show(iri, row.label ? row.label.value : localName(iri), kind))
        .catch((e) => setStatus(String(e.message || e), true)));
      li.append(btn);
      list.append(li);
    }
    setStatus(rows.length ? `${rows.length} 个结果 results` : '没有结果 no results');
  } catch (e) {
    setStatus(String(e.message || e), true);
  }
}

/** Starts a new drawing from one node. */
async function show(iri, label, kind) {
  state.cy.elements().remove();
  state.expanded.clear();
  if (!label || !kind) {
    const rows = await select(state.config.sparql, bind(NODE, { node: term.iri(iri) }));
    const row = rows[0] || {};
    label = nodeLabel(row, iri);
    kind = kindOf(row.types && row.types.value);
  }
  addNode(iri, label, kind);
  location.hash = 'iri=' + encodeURIComponent(iri);
  await expand(iri);
  // A person's posts lead on to their organisations: show that step at once.
  if (kind === 'person') {
    for (const post of state.cy.nodes('[kind = "post"]').map((n) => n.id())) await expand(post);
  }
  select1(iri);
}

/** Adds a node's neighbours to the drawing. */
async function expand(iri) {
  if (state.expanded.has(iri)) return 0;
  state.expanded.add(iri);
  setStatus('载入中 loading…');
  let added = 0;
  try {
    const rows = await select(state.config.sparql, bind(NEIGHBOURS, { node: term.iri(iri) }));
    const center = state.cy.getElementById(iri);
    const pos = center.position();
    state.cy.batch(() => {
      rows.forEach((row, i) => {
        const n = row.n.value;
        const isNew = state.cy.getElementById(n).length === 0;
        const node = addNode(n, nodeLabel(row, n), kindOf(row.types && row.types.value));
        if (isNew) {
          added++;
          const a = (2 * Math.PI * i) / Math.max(rows.length, 1);
          node.position({ x: pos.x + 160 * Math.cos(a), y: pos.y + 160 * Math.sin(a) });
        }
        const p = row.p.value;
        const [src, dst] = row.dir.value === 'out' ? [iri, n] : [n, iri];
        const id = src + ' ' + p + ' ' + dst;
        if (state.cy.getElementById(id).length === 0) {
          state.cy.add({ group: 'edges', data: { id, source: src, target: dst, label: EDGE_NAMES[p] || localName(p), predicate: p } });
        }
      });
    });
    state.cy.getElementById(iri).data('expanded', 'yes');
    state.cy.layout({
      name: 'cose', animate: false, fit: true, padding: 40,
      randomize: state.cy.nodes().length <= 30, // small drawings: lay out afresh; larger ones: keep the user's map
      nodeRepulsion: () => 40000, idealEdgeLength: () => 110, nodeOverlap: 20, gravity: 0.5, numIter: 1500,
    }).run();
    if (state.cy.zoom() > 1.2) {
      state.cy.zoom(1.2);
      state.cy.center();
    }
    updateCounts();
    setStatus(added ? `展开 expanded: +${added}` : '没有新的邻居 no new neighbours');
  } catch (e) {
    state.expanded.delete(iri);
    setStatus(String(e.message || e), true);
  }
  return added;
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
}

async function main() {
  // No native form submission, even before the configuration has arrived.
  $('search').addEventListener('submit', (ev) => ev.preventDefault());
  state.config = await (await fetch('config.json')).json();
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
      { selector: 'node[expanded = "yes"]', style: { 'border-width': 3, 'border-color': '#1d2433' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ff7f0e' } },
      { selector: 'edge', style: {
        'width': 1.5, 'line-color': '#c3cad4', 'target-arrow-color': '#c3cad4', 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', 'label': 'data(label)', 'font-size': 9, 'color': '#6b7684',
        'text-rotation': 'autorotate', 'text-outline-color': '#fff', 'text-outline-width': 2 } },
    ],
    layout: { name: 'preset' },
  });
  window.newskgGraph = state.cy; // for tests and the browser console
  state.cy.on('tap', 'node', (ev) => busy(async () => {
    const iri = ev.target.id();
    select1(iri);
    await expand(iri);
    select1(iri);
  }));
  state.cy.on('dbltap', 'node', (ev) => {
    const url = pageUrl(ev.target.id());
    if (url) window.location.href = url;
  });
  $('search').addEventListener('submit', (ev) => { ev.preventDefault(); busy(() => search($('q').value)); });
  $('d-expand').addEventListener('click', () => state.selected && busy(() => expand(state.selected)));
  updateCounts();
  document.body.dataset.ready = 'yes';
  const m = /(?:^|&)iri=([^&]+)/.exec(location.hash.slice(1));
  if (m) {
    try {
      await busy(() => show(decodeURIComponent(m[1])));
    } catch (e) {
      setStatus(String(e.message || e), true);
    }
  } else {
    setStatus('输入人名、机构、地区或事件 search a person, organisation, region or event');
  }
}

document.body.dataset.busy = 'no';
busy(main).catch((e) => setStatus(String(e.message || e), true));
