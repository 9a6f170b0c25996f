package io.newskg.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Official;
import io.newskg.model.Results.PageResult;
import io.newskg.rdf.RdfMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Precision of the identity rule: of the official nodes that merge mentions from two or more
 * articles, how many are one person by the gold, i.e. the gold names that person in each of
 * those articles with posts in the same region (its parent chain shares the county-level name).
 */
public final class IdentityCheck {
    private final Map<String, List<String>> articlesByNode = new LinkedHashMap<>();
    private final RdfMapper.OfficialNodes nodes;
    private final Map<String, Set<String>> goldRegionsByArticleAndName = new LinkedHashMap<>();

    /** @param mapper whose identity rule is checked: RdfMapper.personScope, then CareerIdentity across articles */
    public IdentityCheck(RdfMapper mapper) {
        this.nodes = mapper.new OfficialNodes();
    }

    public void add(PageResult predicted, JsonNode gold) {
        for (int i = 0; i < predicted.articles().size(); i++) {
            ArticleResult a = predicted.articles().get(i);
            String article = predicted.file() + "#" + i + "#" + Evaluator.norm(a.startsWith());
            for (Official o : a.officials()) {
                articlesByNode.computeIfAbsent(nodes.add(o, predicted.date()), k -> new ArrayList<>()).add(article);
            }
        }
        for (JsonNode a : gold.path("articles")) {
            for (JsonNode o : a.path("officials")) {
                Set<String> regions = new HashSet<>();
                o.path("posts").forEach(p -> regions.add(p.path("region").asText()));
                goldRegionsByArticleAndName.put(gold.path("file").asText() + "#" + Evaluator.norm(a.path("starts_with").asText())
                        + "#" + o.path("name").asText(), regions);
            }
        }
    }

    /** [merged nodes, truly one person]. */
    public int[] result() {
        Map<String, String> joined = nodes.joined();
        Map<String, List<String>> byNode = new LinkedHashMap<>();
        articlesByNode.forEach((node, articles) -> byNode.computeIfAbsent(joined.getOrDefault(node, node), k -> new ArrayList<>()).addAll(articles));
        int merged = 0, correct = 0;
        for (Map.Entry<String, List<String>> e : byNode.entrySet()) {
            if (e.getValue().size() < 2) continue;
            merged++;
            String name = e.getKey().substring(0, e.getKey().indexOf('|'));
            Set<String> shared = null;
            boolean allInGold = true;
            for (String art : e.getValue()) {
                String[] parts = art.split("#", 3);
                Set<String> regions = goldRegionsByArticleAndName.get(parts[0] + "#" + parts[2] + "#" + name);
                if (regions == null) {
                    allInGold = false;
                    break;
                }
                if (shared == null) shared = new HashSet<>(regions);
                else shared.retainAll(regions);
            }
            if (allInGold && shared != null && !shared.isEmpty()) correct++;
        }
        return new int[] {merged, correct};
    }
}
