package io.newskg.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Event;
import io.newskg.model.Results.Official;
import io.newskg.model.Results.PageResult;
import io.newskg.model.Results.Post;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatorTest {
    @Test
    void lenientPostsAcceptAnOrganisationEndingWithTheOther() {
        assertTrue(Evaluator.lenientPost("甲|书记|宁城县黑里河镇长青村党支部", "甲|书记|长青村党支部"));
        assertTrue(Evaluator.lenientPost("甲|书记|长青村党支部", "甲|书记|宁城县黑里河镇长青村党支部"));
        assertFalse(Evaluator.lenientPost("甲|书记|长青村党支部", "甲|主任|长青村党支部"));
        assertFalse(Evaluator.lenientPost("甲|书记|长青村党支部", "甲|书记|长青村"));
        assertFalse(Evaluator.lenientPost("甲|书记|长青村党支部", "甲|书记|"));
    }

    @Test
    void aTitleRepeatingTheOrganisationsEndIsTheBareRole() {
        assertEquals("书记", Evaluator.bareTitle("党组书记", "某县财政局党组"));
        assertEquals("副书记", Evaluator.bareTitle("党委副书记", "某镇党委"));
        assertEquals("书记", Evaluator.bareTitle("党工委书记", "某开发区党工委"));
        assertEquals("书记", Evaluator.bareTitle("党支部书记", "某村党支部"));
        assertEquals("书记", Evaluator.bareTitle("党总支书记", "某社区党总支"));
        assertEquals("成员", Evaluator.bareTitle("党组成员", "某局党组"));
        // the body must be the organisation's end, and both parts two characters or more
        assertEquals("党组书记", Evaluator.bareTitle("党组书记", "某县财政局"));
        assertEquals("党委书记", Evaluator.bareTitle("党委书记", "某镇党支部"));
        assertEquals("书记", Evaluator.bareTitle("书记", "某局党组"));
        assertEquals("市长", Evaluator.bareTitle("市长", "某市"));
        assertEquals("分局长", Evaluator.bareTitle("分局长", "某县公安分局"));
    }

    private static Evaluator scorePosts(String goldPosts, String... predicted) throws Exception {
        String gold = "{\"file\": \"p.txt\", \"articles\": [{\"starts_with\": \"某县召开会议\", \"officials\": ["
                + "{\"name\": \"甲\", \"posts\": [" + goldPosts + "]}]}]}";
        List<Post> posts = new java.util.ArrayList<>();
        for (int i = 0; i < predicted.length; i += 2) {
            posts.add(new Post(predicted[i], predicted[i + 1], null, null, "", 0, 1, 0, 1, 0.5, "current", null, null, null));
        }
        ArticleResult a = new ArticleResult("t", null, "news", "某县召开会议", 0, 10, List.of(),
                List.of(new Official("甲", posts, 0, 1, 0.5)), List.of(), List.of(), List.of(), List.of());
        Evaluator eval = new Evaluator();
        eval.add(new PageResult("p.txt", null, null, List.of(a)), new ObjectMapper().readTree(gold));
        return eval;
    }

    private static String scores(Evaluator eval, String category) {
        Score s = eval.totals().get(category);
        return s.tp() + "/" + s.fp() + "/" + s.fn();
    }

    @Test
    void postsAcceptTheTitleWithItsBodyWordOnEitherSide() throws Exception {
        Evaluator predictedLong = scorePosts("{\"title\": \"书记\", \"org\": \"某县财政局党组\"}", "党组书记", "某县财政局党组");
        assertEquals("1/0/0", scores(predictedLong, "posts"));
        assertEquals("1/0/0", scores(predictedLong, "posts_lenient"));
        Evaluator goldLong = scorePosts("{\"title\": \"党委副书记\", \"org\": \"某镇党委\"}", "副书记", "某镇党委");
        assertEquals("1/0/0", scores(goldLong, "posts"));
        // lenient: each side's title is read against its own organisation
        Evaluator shortOrg = scorePosts("{\"title\": \"书记\", \"org\": \"某县某村党支部\"}", "党支部书记", "某村党支部");
        assertEquals("0/1/1", scores(shortOrg, "posts"));
        assertEquals("1/0/0", scores(shortOrg, "posts_lenient"));
    }

    @Test
    void theBodyWordIsDroppedOnlyWhenTheOrganisationEndsWithIt() throws Exception {
        Evaluator eval = scorePosts("{\"title\": \"书记\", \"org\": \"某县财政局党组\"}", "党组书记", "某县财政局");
        assertEquals("0/1/1", scores(eval, "posts"));
        assertEquals("0/1/1", scores(eval, "posts_lenient"));
    }

    @Test
    void anOptionalPostFoundWithItsBodyWordIsNoError() throws Exception {
        Evaluator eval = scorePosts("{\"title\": \"书记\", \"org\": \"某局党组\", \"note\": \"optional: named in passing\"},"
                + "{\"title\": \"局长\", \"org\": \"某局\"}", "党组书记", "某局党组", "局长", "某局");
        assertEquals("1/0/0", scores(eval, "posts"));
        assertEquals("1/0/0", scores(eval, "posts_lenient"));
    }

    @Test
    void statusIsCountedNotScoredAndRegionIsNotScored() throws Exception {
        Evaluator eval = scorePosts("{\"title\": \"局长\", \"org\": \"某局\", \"region\": \"某县\", \"status\": \"former\"},"
                + "{\"title\": \"主任\", \"org\": \"某办\", \"region\": null}", "局长", "某局", "主任", "某办");
        assertEquals("2/0/0", scores(eval, "posts"));
        assertEquals(Map.of("current", 1, "appointed", 0, "removed", 0, "former", 1), eval.goldPostStatus());
        assertThrows(IllegalArgumentException.class,
                () -> scorePosts("{\"title\": \"局长\", \"org\": \"某局\", \"status\": \"retired\"}", "局长", "某局"));
    }

    @Test
    void eventsNeedTypeAndDateOrRegionAndOneSharedPerson() {
        assertTrue(Evaluator.sameEvent("会议|11月21日||甲,乙", "会议|11月21日|某市|乙"));
        assertTrue(Evaluator.sameEvent("会议||某市|甲", "会议|11月2日|某市|甲,丙"));
        assertFalse(Evaluator.sameEvent("会议|11月21日||甲", "培训|11月21日||甲"));
        assertFalse(Evaluator.sameEvent("会议|11月21日||甲", "会议|11月22日||甲"));
        assertFalse(Evaluator.sameEvent("会议|11月21日||甲", "会议|11月21日||丙"));
    }

    private static Event event(String date, List<String> participants, List<String> organizers) {
        return new Event("宣讲", "", date, null, "呼和浩特市", null, participants, organizers, 0, 1, 0, 1, 0.5);
    }

    @Test
    void alikeEventsAreOccurrencesAndParticipantsAreCheckedOnTheScoredPair() throws Exception {
        String gold = """
                {"file": "p.txt", "articles": [{"starts_with": "6月9日,宣讲团走进", "events": [
                  {"type": "宣讲", "date": "6月9日", "region": "呼和浩特市", "participants": [], "organizers": ["宣讲团"]},
                  {"type": "宣讲", "date": "6月9日", "region": "呼和浩特市", "participants": [], "organizers": ["宣讲团"]},
                  {"type": "宣讲", "date": "6月11日", "region": "呼和浩特市", "participants": ["甲"], "organizers": ["宣讲团"]}]}]}
                """;
        List<Event> predicted = List.of(event("6月9日", List.of(), List.of("宣讲团")),
                event("6月9日", List.of(), List.of("宣讲团")), event("6月11日", List.of("乙"), List.of("宣讲团")));
        ArticleResult a = new ArticleResult("t", null, "news", "6月9日,宣讲团走进", 0, 10, List.of(), List.of(), List.of(),
                List.of(), List.of(), predicted);
        Evaluator eval = new Evaluator();
        eval.add(new PageResult("p.txt", null, null, List.of(a)), new ObjectMapper().readTree(gold));
        Score s = eval.totals().get("events");
        assertEquals(3, s.tp(), "two talks on one day in one city are two events");
        assertEquals(0, s.fp());
        assertEquals(3, eval.participantLinking()[0]);
        assertEquals(2, eval.participantLinking()[1], "乙 is not among the 6月11日 event's people");
    }

    @Test
    void scoresAreMicroAveraged() {
        Score s = new Score(3, 1, 2).plus(new Score(1, 0, 0));
        assertEquals(0.8, s.precision(), 1e-9);
        assertEquals(4.0 / 6, s.recall(), 1e-9);
        assertEquals(2 * 0.8 * (4.0 / 6) / (0.8 + 4.0 / 6), s.f1(), 1e-9);
        assertEquals(1.0, Score.ZERO.precision());
    }

    @Test
    void normalisationFoldsFullWidthForms() {
        assertEquals("(据《内蒙古日报》)", Evaluator.norm("（据《内蒙古日报》）"));
    }
}
