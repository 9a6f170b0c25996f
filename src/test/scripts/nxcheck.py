#!/usr/bin/env python3
"""Load a GraphML or GEXF export in networkx; report counts, attribute types, kinds, and any sentence/article nodes."""
import sys, time, collections
import networkx as nx
f = sys.argv[1]
t0 = time.time()
g = nx.read_graphml(f) if f.endswith('.graphml') else nx.read_gexf(f)
print(f'{f}: {type(g).__name__}, {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, read in {time.time()-t0:.1f} s')
kinds = collections.Counter(d.get('kind') for _, d in g.nodes(data=True))
print('node kinds:', dict(kinds))
types = collections.defaultdict(collections.Counter)
for _, d in g.nodes(data=True):
    for k, v in d.items(): types[k][type(v).__name__] += 1
print('node attribute types:', {k: dict(v) for k, v in sorted(types.items())})
et = collections.defaultdict(collections.Counter)
rel = collections.Counter()
for _, _, d in g.edges(data=True):
    rel[d.get('relation')] += 1
    for k, v in d.items(): et[k][type(v).__name__] += 1
print('edge relations:', dict(rel))
print('edge attribute types:', {k: dict(v) for k, v in sorted(et.items())})
bad = [n for n, d in g.nodes(data=True) if any(s in str(d.get('iri', n)) for s in ('/sentence', '#char=', '/article/') ) and d.get('kind') != 'event']
print('nodes that are sentences/articles (iri with /sentence, #char= or /article/, not events):', len(bad), bad[:3])
long_labels = [n for n, d in g.nodes(data=True) if len(str(d.get('label', ''))) > 200]
print('nodes with labels over 200 characters:', len(long_labels))
# sample one of each kind
seen = set()
for n, d in g.nodes(data=True):
    if d.get('kind') not in seen:
        seen.add(d.get('kind')); print('sample', d.get('kind'), {k: (v if len(str(v)) < 80 else str(v)[:80] + '…') for k, v in d.items()})
for u, v, d in g.edges(data=True):
    if d.get('relation') == 'holds':
        print('sample holds edge', {k: (x if len(str(x)) < 80 else str(x)[:80] + '…') for k, x in d.items()}); break
