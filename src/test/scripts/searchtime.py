#!/usr/bin/env python3
"""Time /search over HTTP: 1 warm-up + N runs per query; print p50/p95 (client wall) and the first hits."""
import json, sys, time, urllib.parse, urllib.request, statistics
base = sys.argv[1]          # http://localhost:PORT
runs = int(sys.argv[2])
for arg in sys.argv[3:]:    # q[:kind]
    q, _, kind = arg.partition(':')
    url = base + '/search?q=' + urllib.parse.quote(q) + ('&kind=' + kind if kind else '') + '&limit=20'
    def get():
        t0 = time.perf_counter()
        with urllib.request.urlopen(url, timeout=60) as r:
            body = r.read()
        return (time.perf_counter() - t0) * 1000, json.loads(body)
    get()
    ms, server = [], []
    for _ in range(runs):
        t, j = get()
        ms.append(t); server.append(j.get('millis', 0))
    ms.sort(); server.sort()
    p = lambda xs, f: xs[min(len(xs) - 1, max(0, int(round(f * len(xs) + 0.5)) - 1))]
    print(f'{q} kind={kind or "-"}: {runs} runs, client p50 {p(ms,.5):.1f} ms p95 {p(ms,.95):.1f} ms max {ms[-1]:.1f} ms; server millis p50 {p(server,.5):.1f} p95 {p(server,.95):.1f}')
    for h in j['hits'][:3]:
        print(f"   {h['kind']:6} {h['label']} | {h.get('detail','')} | articles={h.get('articles')} degree={h.get('degree')} match={h.get('match')} | {h['iri']}")
