// The graph view's bookkeeping, kept apart from the DOM so it can be tested with node --test:
// neighbour groups (a node's neighbours of one kind through one relation), the order in which
// their members are shown, and the URL fragment that records what is open.

/** How many members a group shows at once; a group this small is drawn straight away. */
export const PAGE = 12;
/** Most nodes drawn at once: beyond that labels cannot be read. */
export const MAX_NODES = 160;

/** The id of the group of `owner`'s neighbours through `p` in direction `dir` of kind `kind`. */
export function groupId(owner, p, dir, kind) {
  return ['group', owner, p, dir, kind].join('\u0001');
}

export function parseGroupId(id) {
  const [tag, owner, p, dir, kind] = id.split('\u0001');
  if (tag !== 'group' || !owner || !p || !dir || !kind) return null;
  return { owner, p, dir, kind };
}

/** Members, most connected first (ties: by label, so the order is stable). */
export function byDegree(members) {
  return [...members].sort((a, b) => (b.degree || 0) - (a.degree || 0) || String(a.label).localeCompare(String(b.label)));
}

/** The next page of members not shown yet. */
export function nextPage(sorted, shown, n = PAGE) {
  return sorted.slice(shown, shown + n);
}

/** "142 事件 · 参与者 (+12)": what a group node says of what it hides. */
export function groupLabel(total, shown, kindName, relation) {
  const hidden = total - shown;
  return `${hidden > 0 && shown > 0 ? '还有 ' + hidden + ' / ' : ''}${total} ${kindName}${relation ? ' · ' + relation : ''}`;
}

/** The URL fragment for a drawing: the node it started from, the nodes expanded, the groups paged. */
export function encodeState(root, expanded, groups) {
  const parts = ['iri=' + encodeURIComponent(root)];
  const open = [...expanded].filter((x) => x !== root);
  if (open.length) parts.push('open=' + open.map(encodeURIComponent).join(','));
  const g = [...groups].filter(([, n]) => n > 0).map(([id, n]) => encodeURIComponent(id) + '*' + n);
  if (g.length) parts.push('more=' + g.join(','));
  return parts.join('&');
}

export function decodeState(hash) {
  const out = { root: null, open: [], more: [] };
  for (const part of String(hash).replace(/^#/, '').split('&')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i), v = part.slice(i + 1);
    try {
      if (k === 'iri') out.root = decodeURIComponent(v);
      else if (k === 'open') out.open = v.split(',').filter(Boolean).map(decodeURIComponent);
      else if (k === 'more') {
        out.more = v.split(',').filter(Boolean).map((x) => {
          const j = x.lastIndexOf('*');
          return [decodeURIComponent(x.slice(0, j)), Number(x.slice(j + 1))];
        }).filter(([id, n]) => parseGroupId(id) && Number.isInteger(n) && n > 0);
      }
    } catch (e) {
      // a damaged fragment opens what it can
    }
  }
  return out;
}

export function shorten(s, n) {
  s = String(s);
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
