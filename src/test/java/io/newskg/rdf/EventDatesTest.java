package io.newskg.rdf;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EventDatesTest {
    private final Model m = ModelFactory.createDefaultModel();

    @Test
    void withoutAYearADayIsAMonthDay() {
        Literal l = EventDates.literal(m, "11月21日", null);
        assertEquals("--11-21", l.getLexicalForm());
        assertEquals(XSDDatatype.XSDgMonthDay.getURI(), l.getDatatypeURI());
    }

    @Test
    void thePageDateGivesTheYear() {
        assertEquals("2022-11-21", EventDates.literal(m, "11月21日", "2022-11-22").getLexicalForm());
        // a December day on a January page is last year's
        assertEquals("2021-12-30", EventDates.literal(m, "12月30日", "2022-01-03").getLexicalForm());
        assertEquals(XSDDatatype.XSDdate.getURI(), EventDates.literal(m, "5月7日至8日", "2021-06-20").getDatatypeURI());
    }

    @Test
    void aWrittenYearWins() {
        assertEquals("2020-05-07", EventDates.literal(m, "2020年5月7日", "2022-11-22").getLexicalForm());
    }

    @Test
    void noDayNoDate() {
        assertNull(EventDates.literal(m, "今年9月", null));
        assertNull(EventDates.literal(m, "2月30日", null));
    }
}
