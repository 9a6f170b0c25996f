// Where a browser may go for an IRI: this server's linked-data page for instance IRIs, the
// IRI itself only if it is http(s). Anything else (javascript:, data:, file:, from the data or
// from the page's #iri=) is never a link: null.
export function pageUrl(iri, base, linkedData) {
  if (typeof iri !== 'string') return null;
  if (base && iri.startsWith(base)) {
    const url = linkedData + iri.slice(base.length);
    return isHttp(new URL(url, 'http://localhost/').href) ? url : null;
  }
  return isHttp(iri) ? iri : null;
}

function isHttp(s) {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
