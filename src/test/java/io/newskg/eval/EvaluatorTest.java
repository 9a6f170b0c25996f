package io.newskg.eval;

import org.junit.jupiter.api.Test;

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
