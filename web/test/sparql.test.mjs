import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bind, iri, literal, luceneAllWords, term } from '../src/sparql.js';

test('literals escape quotes, backslashes and line breaks', () => {
  assert.equal(literal('谢敬东'), '"谢敬东"');
  assert.equal(literal('a"b\\c\nd\re\tf'), '"a\\"b\\\\c\\nd\\re\\tf"');
  assert.equal(literal('x\u0000y\u007f'), '"x y "');
  assert.equal(literal('乌兰察布', 'zh'), '"乌兰察布"@zh');
  assert.throws(() => literal('x', 'zh"}'));
});

test('an escaped literal cannot close the string early', () => {
  const evil = '" } ; DROP ALL ; SELECT * { "';
  const lit = literal(evil);
  // Every quote inside is preceded by a backslash that is not itself escaped.
  const inner = lit.slice(1, -1);
  assert.ok(!/(^|[^\\])(\\\\)*"/.test(inner), lit);
});

test('IRIs with characters IRIREF forbids are refused', () => {
  assert.equal(iri('https://w3id.org/newskg/id/person/1'), '<https://w3id.org/newskg/id/person/1>');
  for (const bad of ['', 'no-scheme', 'http://x/a>b', 'http://x/a b', 'http://x/{a}', 'http://x/"', 'http://x/\\']) {
    assert.throws(() => iri(bad), bad);
  }
});

test('Lucene queries quote every word', () => {
  assert.equal(luceneAllWords('  乌兰察布  书记 '), '"乌兰察布" AND "书记"');
  assert.equal(luceneAllWords('a"b\\ OR *:*'), '"a\\"b\\\\" AND "OR" AND "*:*"');
  assert.equal(luceneAllWords('   '), null);
});

test('templates take only escaped terms, and all of them', () => {
  const q = bind('SELECT * { $s ?p $o } LIMIT $n', {
    s: term.iri('urn:x:1'), o: term.literal('a"b'), n: term.integer(5),
  });
  assert.equal(q, 'SELECT * { <urn:x:1> ?p "a\\"b" } LIMIT 5');
  assert.throws(() => bind('SELECT * { $s ?p ?o }', {}), /unbound/);
  assert.throws(() => bind('SELECT * { $s ?p ?o }', { s: '<urn:x>' }), /not an escaped term/);
  assert.throws(() => term.integer(1.5));
});
