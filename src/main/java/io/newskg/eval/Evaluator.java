package io.newskg.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newskg.model.Byline;
import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Event;
import io.newskg.model.Results.Official;
import io.newskg.model.Results.PageResult;
import io.newskg.model.Results.Post;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Scores extraction against gold annotations (the gold JSON shape in the README), micro-averaged over
 * articles. Articles are matched by the first 20 chars of their first body line; items are
 * compared within matched articles after NFKC normalisation (see README, "Evaluation").
 * Gold items whose note says "optional" count neither as misses nor, when found, as errors.
 * Posts are keyed by (name, bare title, organisation), their region not scored; for posts matched
 * leniently the status (none in the gold means current) and the start date the gold gives are checked.
 */
public final class Evaluator {
    public static final List<String> CATEGORIES = List.of("articles", "bylines", "officials", "posts",
            "posts_lenient", "people", "organizations", "regions", "events");

    private final Map<String, Score> totals = new LinkedHashMap<>();
    /** Misses and spurious items, for finding classes of errors. */
    private final List<String> errors = new ArrayList<>();

    public Evaluator() {
        for (String c : CATEGORIES) totals.put(c, Score.ZERO);
    }

    public Map<String, Score> totals() { return totals; }

    public List<String> errors() { return errors; }

    /** Statuses a gold post may carry (eval/dev/README.md, "Post status"). */
    public static final List<String> STATUSES = List.of("current", "appointed", "removed", "former");

    private final Map<String, Integer> goldPostStatus = new LinkedHashMap<>();

    /** Gold posts of the scored pages by status, in {@link #STATUSES} order; not scored yet. */
    public Map<String, Integer> goldPostStatus() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String s : STATUSES) out.put(s, goldPostStatus.getOrDefault(s, 0));
        return out;
    }

    public void add(PageResult predicted, JsonNode gold) {
        List<ArticleResult> pred = predicted == null ? List.of() : predicted.articles();
        List<JsonNode> goldArticles = new ArrayList<>();
        gold.path("articles").forEach(goldArticles::add);
        Set<Integer> used = new HashSet<>();
        int matched = 0;
        for (JsonNode g : goldArticles) {
            String key = start(g.path("starts_with").asText());
            ArticleResult hit = null;
            for (int i = 0; i < pred.size(); i++) {
                if (!used.contains(i) && start(pred.get(i).startsWith()).equals(key)) {
                    hit = pred.get(i);
                    used.add(i);
                    break;
                }
            }
            if (hit == null) errors.add("articles\tmissed\t" + gold.path("file").asText() + "\t" + key);
            else matched++;
            compareItems(g, hit, gold.path("file").asText());
        }
        for (int i = 0; i < pred.size(); i++) {
            if (!used.contains(i)) {
                errors.add("articles\tspurious\t" + predicted.file() + "\t" + start(pred.get(i).startsWith()));
                compareItems(null, pred.get(i), predicted.file());
            }
        }
        add("articles", new Score(matched, pred.size() - matched, goldArticles.size() - matched));
    }

    private void compareItems(JsonNode g, ArticleResult p, String file) {
        String where = file + "\t" + (g != null ? g.path("title").asText() : p.title());
        compare("bylines", where, nodes(g, "bylines"), p == null ? List.of() : p.bylines(),
                n -> norm(n.path("name").asText()) + "/" + n.path("role").asText(),
                (Byline b) -> norm(b.name()) + "/" + b.role(), String::equals);
        compare("officials", where, nodes(g, "officials"), p == null ? List.of() : p.officials(),
                n -> norm(n.path("name").asText()), (Official o) -> norm(o.name()), String::equals);
        List<JsonNode> goldPosts = new ArrayList<>();
        for (JsonNode o : nodes(g, "officials")) {
            for (JsonNode post : o.path("posts")) {
                com.fasterxml.jackson.databind.node.ObjectNode x = post.deepCopy();
                x.put("name", o.path("name").asText());
                if (o.path("note").asText().contains("optional")) x.put("note", "optional");
                goldPostStatus.merge(status(post, file), 1, Integer::sum);
                goldPosts.add(x);
            }
        }
        List<String[]> predPosts = new ArrayList<>();
        List<Post> predPostItems = new ArrayList<>();
        if (p != null) {
            for (Official o : p.officials()) {
                for (Post post : o.posts()) {
                    predPosts.add(new String[] {o.name(), post.title(), post.org()});
                    predPostItems.add(post);
                }
            }
        }
        postTimes(where, goldPosts, predPosts, predPostItems, file);
        Function<JsonNode, String> goldPostKey = n -> postKey(n.path("name").asText(), n.path("title").asText(),
                n.path("org").asText());
        Function<String[], String> predPostKey = a -> postKey(a[0], a[1], a[2]);
        compare("posts", where, goldPosts, predPosts, goldPostKey, predPostKey, String::equals);
        compare("posts_lenient", where, goldPosts, predPosts, goldPostKey, predPostKey, Evaluator::lenientPost);
        compare("people", where, nodes(g, "people"), p == null ? List.of() : p.people(),
                n -> norm(n.path("name").asText()), x -> norm(x.name()), String::equals);
        compare("organizations", where, nodes(g, "organizations"), p == null ? List.of() : p.organizations(),
                n -> norm(n.path("name").asText()), x -> norm(x.name()), String::equals);
        compare("regions", where, nodes(g, "regions"), p == null ? List.of() : p.regions(),
                n -> norm(n.path("name").asText()), x -> norm(x.name()), String::equals);
        List<String[]> eventPairs = compare("events", where, nodes(g, "events"), p == null ? List.of() : p.events(),
                Evaluator::goldEventKey, Evaluator::predEventKey, Evaluator::sameEvent);
        linkParticipants(eventPairs);
        if (p != null) regionHierarchy(nodes(g, "regions"), p.regions());
    }

    private int postsMatched, statusAgrees, goldStarts, startAgrees;

    /**
     * For gold posts matched by the lenient key: is the status the gold's, and, where the gold
     * gives a start (a résumé line), the start date? Disagreements go to the error list.
     */
    private void postTimes(String where, List<JsonNode> gold, List<String[]> predKeys, List<Post> pred, String file) {
        Set<Integer> used = new HashSet<>();
        for (JsonNode g : gold) {
            String gk = postKey(g.path("name").asText(), g.path("title").asText(), g.path("org").asText());
            for (int i = 0; i < pred.size(); i++) {
                if (used.contains(i) || !lenientPost(gk, postKey(predKeys.get(i)[0], predKeys.get(i)[1], predKeys.get(i)[2]))) continue;
                used.add(i);
                postsMatched++;
                String gs = status(g, file), ps = pred.get(i).status() == null ? "current" : pred.get(i).status();
                if (gs.equals(ps)) statusAgrees++;
                else errors.add("post_status\twrong\t" + where + "\t" + gk + "\t" + ps + " (gold " + gs + ")");
                if (g.path("start").isTextual()) {
                    goldStarts++;
                    String pst = pred.get(i).start();
                    if (g.path("start").asText().equals(pst)) startAgrees++;
                    else errors.add("post_start\twrong\t" + where + "\t" + gk + "\t" + pst + " (gold " + g.path("start").asText() + ")");
                }
                break;
            }
        }
    }

    /** [gold posts matched leniently, status agrees, of them with a gold start, start agrees]. */
    public int[] postTimes() { return new int[] {postsMatched, statusAgrees, goldStarts, startAgrees}; }

    private int regionsMatched, regionLevelAgrees, regionParentAgrees;

    /** For resolved regions matching a gold region by name: does the level agree, and the parent? */
    private void regionHierarchy(List<JsonNode> gold, List<io.newskg.model.Results.RegionRef> pred) {
        for (io.newskg.model.Results.RegionRef r : pred) {
            if (r.code() == null) continue;
            for (JsonNode g : gold) {
                if (!norm(g.path("name").asText()).equals(norm(r.name()))) continue;
                regionsMatched++;
                if (g.path("level").asText().equals(r.level())) regionLevelAgrees++;
                String goldParent = g.path("parent").isTextual() ? g.path("parent").asText() : "";
                if (norm(goldParent).equals(norm(r.parent()))) regionParentAgrees++;
                break;
            }
        }
    }

    /** [resolved regions matched by name, level agrees, parent agrees]. */
    public int[] regionHierarchy() { return new int[] {regionsMatched, regionLevelAgrees, regionParentAgrees}; }

    private int matchedEvents, linkedEvents;

    /**
     * Of the predicted events matched to a gold event (the pairs the score counted): how many
     * name only that event's participants or organisers as participants.
     */
    private void linkParticipants(List<String[]> pairs) {
        for (String[] pair : pairs) {
            matchedEvents++;
            Set<String> allowed = new HashSet<>(List.of(pair[1].split("\\|", -1)[3].split(",")));
            String participants = pair[0].split("\\|", -1)[4];
            if (participants.isEmpty() || allowed.containsAll(List.of(participants.split(",")))) linkedEvents++;
        }
    }

    /** [matched events, events whose participants are all among the gold event's people and organisers]. */
    public int[] participantLinking() { return new int[] {matchedEvents, linkedEvents}; }

    /** name|title|org, normalised, the title without a body word its organisation ends with. */
    static String postKey(String name, String title, String org) {
        String o = norm(org);
        return norm(name) + "|" + bareTitle(norm(title), o) + "|" + o;
    }

    /**
     * The title without a leading word that repeats the end of its organisation: 党组书记 of
     * X党组 is 书记 of X党组, as 党委副书记 of X党委, 党支部书记 of X村党支部 (the gold writes the bare
     * role). Longest such word first; it and the rest must be two characters or more, so that
     * 市长 of X市 or 分局长 of X分局 stay whole.
     */
    static String bareTitle(String title, String org) {
        int[] cp = title.codePoints().toArray();
        for (int cut = cp.length - 2; cut >= 2; cut--) {
            if (org.endsWith(new String(cp, 0, cut))) return new String(cp, cut, cp.length - cut);
        }
        return title;
    }

    /** A gold post's status; none means current. */
    private static String status(JsonNode post, String file) {
        JsonNode s = post.path("status");
        String status = s.isMissingNode() || s.isNull() ? "current" : s.asText();
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException(file + ": post status \"" + status + "\" is not one of " + STATUSES);
        }
        return status;
    }

    /** Same name and title; organisations equal or one ending with the other. */
    static boolean lenientPost(String gold, String pred) {
        String[] g = gold.split("\\|", -1), p = pred.split("\\|", -1);
        if (!g[0].equals(p[0]) || !g[1].equals(p[1])) return false;
        return !g[2].isEmpty() && !p[2].isEmpty() && (g[2].endsWith(p[2]) || p[2].endsWith(g[2]));
    }

    private static String goldEventKey(JsonNode n) {
        List<String> people = new ArrayList<>();
        n.path("participants").forEach(x -> people.add(norm(x.asText())));
        n.path("organizers").forEach(x -> people.add(norm(x.asText())));
        return norm(n.path("type").asText()) + "|" + norm(n.path("date").asText("")) + "|"
                + norm(n.path("region").asText("")) + "|" + String.join(",", people);
    }

    private static String predEventKey(Event e) {
        List<String> people = new ArrayList<>();
        e.participants().forEach(x -> people.add(norm(x)));
        e.organizers().forEach(x -> people.add(norm(x)));
        List<String> participants = e.participants().stream().map(Evaluator::norm).toList();
        return norm(e.type()) + "|" + norm(e.date() == null ? "" : e.date()) + "|"
                + norm(e.region() == null ? "" : e.region()) + "|" + String.join(",", people)
                + "|" + String.join(",", participants);
    }

    /** Type equal, and same date or same region, and one shared participant or organiser. */
    static boolean sameEvent(String gold, String pred) {
        String[] g = gold.split("\\|", -1), p = pred.split("\\|", -1);
        if (!g[0].equals(p[0])) return false;
        boolean when = !g[1].isEmpty() && g[1].equals(p[1]);
        boolean where = !g[2].isEmpty() && g[2].equals(p[2]);
        if (!when && !where) return false;
        Set<String> gp = new HashSet<>(List.of(g[3].split(",")));
        gp.remove("");
        for (String x : p[3].split(",")) if (gp.contains(x)) return true;
        return false;
    }

    /**
     * Scores one category of one article; returns the matched pairs [predicted key, gold key].
     * Named items count once per article; events are occurrences, so two alike (two talks in
     * one city on one day) count twice.
     */
    private <P> List<String[]> compare(String category, String where, List<JsonNode> gold, List<P> pred,
                             Function<JsonNode, String> goldKey, Function<P, String> predKey,
                             BiPredicate<String, String> same) {
        List<String> required = new ArrayList<>(), optional = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode n : gold) {
            String k = goldKey.apply(n);
            if (!seen.add(k) && !category.equals("events")) continue;
            (n.path("note").asText().contains("optional") ? optional : required).add(k);
        }
        List<String> predicted = new ArrayList<>();
        Set<String> seenPred = new HashSet<>();
        for (P x : pred) {
            String k = predKey.apply(x);
            if (seenPred.add(k) || category.equals("events")) predicted.add(k);
        }
        int tp = 0, fp = 0;
        List<String[]> pairs = new ArrayList<>();
        boolean[] usedGold = new boolean[required.size()];
        for (String k : predicted) {
            int hit = -1;
            for (int i = 0; i < required.size(); i++) {
                if (!usedGold[i] && same.test(required.get(i), k)) {
                    hit = i;
                    break;
                }
            }
            if (hit >= 0) {
                usedGold[hit] = true;
                pairs.add(new String[] {k, required.get(hit)});
                tp++;
            } else if (optional.stream().noneMatch(o -> same.test(o, k))) {
                fp++;
                errors.add(category + "\tspurious\t" + where + "\t" + k);
            }
        }
        for (int i = 0; i < required.size(); i++) {
            if (!usedGold[i]) errors.add(category + "\tmissed\t" + where + "\t" + required.get(i));
        }
        add(category, new Score(tp, fp, required.size() - tp));
        return pairs;
    }

    private void add(String category, Score s) {
        totals.merge(category, s, Score::plus);
    }

    private static List<JsonNode> nodes(JsonNode article, String field) {
        List<JsonNode> out = new ArrayList<>();
        if (article != null) article.path(field).forEach(out::add);
        return out;
    }

    private static double percent(int a, int b) {
        return b == 0 ? 100.0 : 100.0 * a / b;
    }

    static String norm(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    }

    private static String start(String s) {
        String n = norm(s);
        return n.codePoints().limit(20).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** The table as printed by {@code newskg eval}. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format("%-15s %6s %6s %6s %6s %6s %6s%n",
                "category", "P", "R", "F1", "tp", "fp", "fn"));
        totals.forEach((c, s) -> sb.append(String.format("%-15s %6.3f %6.3f %6.3f %6d %6d %6d%n",
                c, s.precision(), s.recall(), s.f1(), s.tp(), s.fp(), s.fn())));
        sb.append(String.format("events with participants linked correctly: %d of %d matched%n", linkedEvents, matchedEvents));
        sb.append(String.format("resolved regions: level agrees %d of %d, parent agrees %d of %d%n",
                regionLevelAgrees, regionsMatched, regionParentAgrees, regionsMatched));
        StringBuilder st = new StringBuilder();
        goldPostStatus().forEach((s, n) -> st.append(st.isEmpty() ? "" : ", ").append(s).append(' ').append(n));
        sb.append("gold posts by status: ").append(st).append(String.format("%n"));
        sb.append(String.format("matched posts: status right %d of %d (%.1f %%), start right %d of %d the gold dates (%.1f %%)%n",
                statusAgrees, postsMatched, percent(statusAgrees, postsMatched), startAgrees, goldStarts, percent(startAgrees, goldStarts)));
        return sb.toString();
    }
}
