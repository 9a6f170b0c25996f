package io.newskg.serve.search;

import io.newskg.store.GraphStore;
import io.newskg.store.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Search over the seed store: distinct resources, ranking, namesakes' details, Traditional and pinyin queries. */
class SearchIndexTest {
    static SearchIndex index;
    static String fingerprint;
    static Path dir;

    @BeforeAll
    static void build() {
        Path store = io.newskg.serve.SeedStoreAccess.path();
        dir = Path.of("target", "search-index-test");
        try (GraphStore gs = GraphStore.existing(store)) {
            long n = SearchIndex.build(gs.dataset().asDatasetGraph(), dir, Progress.quiet());
            assertTrue(n > 100, "indexed " + n);
            fingerprint = SearchIndex.fingerprint(gs.dataset().asDatasetGraph());
        }
        index = SearchIndex.open(dir);
        assertNotNull(index);
    }

    @AfterAll
    static void close() {
        if (index != null) index.close();
    }

    @Test
    void exactPersonFirstWithPostAndOrganisation() {
        List<SearchIndex.Hit> hits = index.search("谢敬东", null, 10);
        SearchIndex.Hit h = hits.get(0);
        assertEquals("person", h.kind());
        assertEquals("谢敬东", h.label());
        assertEquals("exact", h.match());
        assertTrue(h.detail().contains("统战部"), h.detail());
        assertTrue(h.organization().contains("统战部"), h.organization());
    }

    @Test
    void regionBeforeItsOrganisationsAndDistinct() {
        List<SearchIndex.Hit> hits = index.search("乌兰察布", null, 20);
        assertEquals("region", hits.get(0).kind(), hits.toString());
        assertEquals("乌兰察布市", hits.get(0).label());
        assertEquals("prefix", hits.get(0).match());
        Set<String> iris = new HashSet<>();
        for (SearchIndex.Hit h : hits) assertTrue(iris.add(h.iri()), "twice: " + h.iri());
        assertTrue(hits.size() > 5, "only " + hits.size() + " hits");
        // the limit counts resources: 3 asked, 3 distinct given
        List<SearchIndex.Hit> three = index.search("乌兰察布", null, 3);
        assertEquals(3, three.size());
        assertEquals(hits.subList(0, 3).stream().map(SearchIndex.Hit::iri).toList(), three.stream().map(SearchIndex.Hit::iri).toList());
    }

    @Test
    void exactThenPrefixThenSubstring() {
        List<SearchIndex.Hit> hits = index.search("内蒙古自治区", null, 50);
        assertEquals("内蒙古自治区", hits.get(0).label());
        assertEquals("region", hits.get(0).kind());
        List<String> order = List.of("exact", "prefix", "substring", "pinyin", "sound");
        int last = 0;
        for (SearchIndex.Hit h : hits) {
            int i = order.indexOf(h.match());
            assertTrue(i >= last, "a " + h.match() + " hit after a " + order.get(last) + " one: " + h);
            last = i;
        }
        assertTrue(hits.stream().anyMatch(h -> h.match().equals("substring")), "中共内蒙古自治区… contains it");
    }

    @Test
    void traditionalPinyinInitialsAndHomophones() {
        for (String q : List.of("烏蘭察布", "wulanchabu", "WuLanChaBu", "wlcb", "乌兰茶布")) {
            List<SearchIndex.Hit> hits = index.search(q, "region", 5);
            assertFalse(hits.isEmpty(), q);
            assertEquals("乌兰察布市", hits.get(0).label(), q);
        }
        assertEquals("谢敬东", index.search("謝敬東", "person", 1).get(0).label());
        assertEquals("谢敬东", index.search("xiejingdong", null, 1).get(0).label());
    }

    @Test
    void typoFallsBackToSimilarNames() {
        List<SearchIndex.Hit> hits = index.search("乌兰察不市", "region", 5);
        assertFalse(hits.isEmpty());
        assertEquals("乌兰察布市", hits.get(0).label());
    }

    @Test
    void kindFilterAndRegionDetail() {
        List<SearchIndex.Hit> hits = index.search("集宁", "region", 5);
        assertFalse(hits.isEmpty());
        for (SearchIndex.Hit h : hits) assertEquals("region", h.kind());
        SearchIndex.Hit jining = hits.stream().filter(h -> h.label().equals("集宁区")).findFirst().orElseThrow();
        assertTrue(jining.detail().contains("乌兰察布市"), jining.detail());
        assertTrue(jining.detail().contains("150902"), jining.detail());
    }

    @Test
    void eventsAreLabelledByWhatHappened() {
        List<SearchIndex.Hit> hits = index.search("谢敬东", "event", 5);
        assertFalse(hits.isEmpty(), "events with 谢敬东 among the participants");
        for (SearchIndex.Hit h : hits) {
            assertTrue(h.label().contains("谢敬东"), h.label());
            assertFalse(h.label().contains("讯"), "no dateline: " + h.label());
        }
    }

    @Test
    void lookupAndFreshness() {
        SearchIndex.Hit h = index.search("谢敬东", "person", 1).get(0);
        assertEquals(h.label(), index.lookup(List.of(h.iri(), "urn:x:none")).get(h.iri()).label());
        assertEquals(1, index.lookup(List.of(h.iri(), "urn:x:none")).size());
        assertTrue(SearchIndex.upToDate(dir, fingerprint));
        assertFalse(SearchIndex.upToDate(dir, fingerprint + "x"));
    }
}
