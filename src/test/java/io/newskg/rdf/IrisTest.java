package io.newskg.rdf;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IrisTest {
    private final Iris iris = new Iris("https://w3id.org/newskg/id/");

    /** The first 8 bytes of SHA-256, in hex: what these IRIs were named by before they had slugs. */
    private static String hash(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    @Test
    void peopleOrganisationsAndRolesAreNamedBesideTheirHash() throws Exception {
        assertEquals("https://w3id.org/newskg/id/person/谢敬东-" + hash("谢敬东|senior"), iris.person("谢敬东", "senior"));
        assertEquals("https://w3id.org/newskg/id/org/内蒙古自治区党委统战部-" + hash("内蒙古自治区党委统战部"),
                iris.organization("内蒙古自治区党委统战部"));
        assertEquals("https://w3id.org/newskg/id/role/副部长-" + hash("副部长"), iris.role("副部长"));
        // namesakes differ by their hash only
        assertNotEquals(iris.person("王光磊", "150900"), iris.person("王光磊", "150100"));
        assertTrue(iris.person("王光磊", "150900").startsWith("https://w3id.org/newskg/id/person/王光磊-"));
    }

    @Test
    void theHashIsOfTheNormalisedKeyAndTheSlugOfTheNormalisedName() throws Exception {
        // full-width letters and digits fold (NFKC); surrounding spaces go
        assertEquals(iris.organization("ＡＢＣ公司１"), iris.organization(" ABC公司1 "));
        assertEquals("https://w3id.org/newskg/id/org/ABC公司1-" + hash("ABC公司1"), iris.organization("ABC公司1"));
    }

    @Test
    void slugsKeepLettersAndDigitsOfAnyScriptAndOneDashForEachRunOfTheRest() {
        assertEquals("中共中央-国务院-办公厅", Iris.slug("中共中央（国务院）办公厅"));
        assertEquals("阿不都-热合曼", Iris.slug("阿不都·热合曼"));
        assertEquals("Li-Wei", Iris.slug("  Li  Wei?#/ "));
        assertEquals("Müller", Iris.slug("Müller"));
        assertEquals("", Iris.slug("《》/%#"));
        assertEquals("https://w3id.org/newskg/id/role/" + Iris.key("《》"), iris.role("《》"));
    }

    @Test
    void longNamesAreCutSoIrisStayShort() {
        String name = "中国人民政治协商会议内蒙古自治区乌兰察布市委员会办公室综合科";
        String slug = Iris.slug(name);
        assertEquals(Iris.SLUG_CHARS, slug.codePointCount(0, slug.length()));
        assertTrue(name.startsWith(slug));
        // two long names that share the first characters stay apart
        assertNotEquals(iris.organization(name), iris.organization(name + "二"));
        assertTrue(iris.organization(name).endsWith("-" + Iris.key(name)));
    }

    @Test
    void noSlugEndsInADashOrNeedsPercentEncoding() {
        String slug = Iris.slug("一二三四五六七八九十一二三四五六七八九十一二三 四五");
        assertTrue(!slug.endsWith("-") && !slug.contains("%"), slug);
        assertEquals(23, slug.length());
    }
}
