package io.newskg.rdf;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as written (11月21日, 2022年5月7日至8日) to typed literals: xsd:date when the year is
 * written or known from the page date, else xsd:gMonthDay "--11-21". Never a guessed year.
 */
public final class EventDates {
    private EventDates() {}

    private static final Pattern DAY = Pattern.compile("(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日");

    /** @param pageDate ISO date of the page (yyyy-mm-dd) or null */
    public static Literal literal(Model m, String written, String pageDate) {
        Matcher x = DAY.matcher(written);
        if (!x.find()) return null;
        int month = Integer.parseInt(x.group(2)), day = Integer.parseInt(x.group(3));
        try {
            java.time.MonthDay md = java.time.MonthDay.of(month, day);
            Integer year = x.group(1) != null ? Integer.valueOf(x.group(1)) : null;
            if (year == null && pageDate != null) {
                LocalDate page = LocalDate.parse(pageDate);
                // an event reported in January of a December day happened the year before
                year = md.isAfter(java.time.MonthDay.from(page)) ? page.getYear() - 1 : page.getYear();
            }
            if (year != null) return m.createTypedLiteral(md.atYear(year).toString(), XSDDatatype.XSDdate);
            return m.createTypedLiteral(String.format("--%02d-%02d", month, day), XSDDatatype.XSDgMonthDay);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
