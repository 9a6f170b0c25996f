package io.newskg.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Event;
import io.newskg.model.Results.PageResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
