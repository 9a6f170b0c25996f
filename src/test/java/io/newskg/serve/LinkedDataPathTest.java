package io.newskg.serve;

import io.newskg.rdf.Iris;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinkedDataPathTest {
    @Test
    void aRequestPathNamesTheIriItWasEncodedFrom() {
        Iris iris = new Iris("https://w3id.org/newskg/id/");
        for (String iri : new String[]{iris.person("谢敬东", "senior"), iris.organization("中共中央（国务院）办公厅"),
                iris.page("新闻（一）.txt"), iris.page("a b/%x.txt"), iris.page("Müller 𠀋.txt"), iris.region("150900")}) {
            String rest = iri.substring(iris.base().length());
            assertEquals(rest, LinkedDataServlet.iriPath(HtmlPage.safePath(rest)), iri);
            assertEquals(rest, LinkedDataServlet.iriPath(rest), iri);
        }
    }

    @Test
    void brokenOrForeignEscapesStayAsSent() {
        assertEquals("page/%E8%B0", LinkedDataServlet.iriPath("page/%E8%B0"));
        assertEquals("page/%C0%80x%", LinkedDataServlet.iriPath("page/%C0%80x%"));
        assertEquals("page/%EF%BC%88", LinkedDataServlet.iriPath("page/%EF%BC%88"));
        assertEquals("page/谢", LinkedDataServlet.iriPath("page/%e8%b0%a2"));
    }
}
