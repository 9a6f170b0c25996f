// Parameterised SPARQL for the graph view: user input only ever enters a query as a term
// escaped here (string literal, IRI, or a Lucene query inside a string literal), bound to a
// $name placeholder of a fixed template — never by plain concatenation.

/** A SPARQL string literal (STRING_LITERAL2) holding `value`, with an optional language tag. */
export function literal(value, lang) {
  let out = '"';
  for (const ch of String(value)) {
    switch (ch) {
      case '\\': out += '\\\\'; break;
      case '"': out += '\\"'; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      case '\b': out += '\\b'; break;
      case '\f': out += '\\f'; break;
      default: {
        const c = ch.codePointAt(0);
        // Other control characters cannot be written in a literal: replace them.
        out += (c < 0x20 || c === 0x7f) ? ' ' : ch;
      }
    }
  }
  out += '"';
  if (lang !== undefined) {
    if (!/^[a-zA-Z]+(-[a-zA-Z0-9]+)*$/.test(lang)) throw new Error('bad language tag: ' + lang);
    out += '@' + lang;
  }
  return out;
}

/** A SPARQL IRI reference; refuses what IRIREF does not allow instead of escaping it. */
export function iri(value) {
  const s = String(value);
  if (s.length === 0 || /[\u0000-\u0020<>"{}|^`\\]/.test(s) || !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s)) {
    throw new Error('not an IRI: ' + s);
  }
  return '<' + s + '>';
}

/**
 * A Lucene query for jena-text's text:query matching values that contain every word of
 * `input` (words are split at whitespace; each is quoted, so no Lucene syntax gets through).
 */
export function luceneAllWords(input) {
  const words = String(input).split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return null;
  return words.map((w) => '"' + w.replace(/[\\"]/g, (c) => '\\' + c) + '"').join(' AND ');
}

/**
 * Fills the $name placeholders of a query template with terms made by literal()/iri().
 * Every placeholder must be bound, and every binding must be a term these functions made.
 */
export function bind(template, terms) {
  return template.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, name) => {
    if (!(name in terms)) throw new Error('unbound parameter $' + name);
    const t = terms[name];
    if (!(t instanceof Term)) throw new Error('parameter $' + name + ' is not an escaped term');
    return t.text;
  });
}

/** An escaped SPARQL term (only made by the helpers below). */
export class Term {
  constructor(text) { this.text = text; Object.freeze(this); }
}

export const term = {
  literal: (v, lang) => new Term(literal(v, lang)),
  iri: (v) => new Term(iri(v)),
  /** Several IRIs, space-separated (for a VALUES block). */
  iris: (vs) => new Term(vs.map(iri).join(' ')),
  integer: (n) => {
    if (!Number.isInteger(n)) throw new Error('not an integer: ' + n);
    return new Term(String(n));
  },
};

/** Runs a SELECT query against the endpoint and returns its bindings. */
export async function select(endpoint, query) {
  const url = endpoint + '?query=' + encodeURIComponent(query);
  const resp = await fetch(url, { headers: { Accept: 'application/sparql-results+json' } });
  if (!resp.ok) throw new Error('SPARQL endpoint answered ' + resp.status + ': ' + (await resp.text()).slice(0, 300));
  const json = await resp.json();
  return json.results.bindings;
}
