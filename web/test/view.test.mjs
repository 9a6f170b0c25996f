import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byDegree, decodeState, encodeState, groupId, groupLabel, nextPage, parseGroupId, PAGE } from '../src/view.js';

test('group ids round-trip', () => {
  const id = groupId('https://w3id.org/newskg/id/region/150900', 'https://w3id.org/newskg/ns#mentions', 'in', 'article');
  assert.deepEqual(parseGroupId(id), { owner: 'https://w3id.org/newskg/id/region/150900', p: 'https://w3id.org/newskg/ns#mentions', dir: 'in', kind: 'article' });
  assert.equal(parseGroupId('nonsense'), null);
});

test('most connected first, then pages of PAGE', () => {
  const members = Array.from({ length: 30 }, (_, i) => ({ iri: 'u:' + i, label: 'n' + i, degree: i % 7 }));
  const sorted = byDegree(members);
  assert.equal(sorted[0].degree, 6);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1].degree >= sorted[i].degree);
  assert.equal(nextPage(sorted, 0).length, PAGE);
  assert.deepEqual(nextPage(sorted, 24).map((m) => m.iri), sorted.slice(24).map((m) => m.iri));
});

test('group labels say what is hidden', () => {
  assert.equal(groupLabel(142, 0, '事件', '参与者'), '142 事件 · 参与者');
  assert.equal(groupLabel(142, 12, '事件', '参与者'), '还有 130 / 142 事件 · 参与者');
});

test('the URL fragment records root, expanded nodes and paged groups', () => {
  const g = groupId('u:root', 'p:x', 'in', 'event');
  const hash = encodeState('u:root', new Set(['u:root', 'u:a&b', 'u:c,d']), new Map([[g, 2], [groupId('u:a', 'p', 'out', 'org'), 0]]));
  const s = decodeState('#' + hash);
  assert.equal(s.root, 'u:root');
  assert.deepEqual(s.open, ['u:a&b', 'u:c,d']);
  assert.deepEqual(s.more, [[g, 2]]);
  assert.deepEqual(decodeState('#iri=%E0%A4%A').root, null);
  assert.deepEqual(decodeState('#iri=u%3Ax&more=junk*3').more, []);
});
