import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageUrl } from '../src/links.js';

const base = 'https://w3id.org/newskg/id/';

test('instance IRIs go to this server, other http(s) IRIs to themselves', () => {
  assert.equal(pageUrl(base + 'person/1', base, '/id/'), '/id/person/1');
  assert.equal(pageUrl('http://www.w3.org/ns/org#Post', base, '/id/'), 'http://www.w3.org/ns/org#Post');
  assert.equal(pageUrl('HTTPS://example.org/x', base, '/id/'), 'HTTPS://example.org/x');
});

test('javascript:, data:, file: and other IRIs are never links', () => {
  for (const iri of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', '\tjavascript:alert(1)',
    'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'urn:x-test:a', 'vbscript:x', '', 'java\nscript:alert(1)']) {
    assert.equal(pageUrl(iri, base, '/id/'), null, iri);
  }
  assert.equal(pageUrl(undefined, base, '/id/'), null);
});
