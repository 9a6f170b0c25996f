package io.newskg.extract;

import io.newskg.model.Results.ArticleResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Ranks (级别) of posts read from invented sentences. */
class RanksTest {
    private static final Ranks RANKS = new Ranks(TestPages.extractor().gazetteer());

    private static String rank(String sentence, String name, String title) {
        ArticleResult a = TestPages.webArticle(sentence);
        var post = a.officials().stream().filter(o -> o.name().equals(name)).flatMap(o -> o.posts().stream())
                .filter(p -> p.title().equals(title)).findFirst().orElseThrow(() -> new AssertionError(a.officials().toString()));
        return RANKS.rank(post);
    }

    @Test
    void byTheLevelOfTheBodyAndTheTitle() {
        assertEquals("ProvincialPrincipal", rank("湖南省省长赵一鸣出席会议。", "赵一鸣", "省长"));
        assertEquals("ProvincialDeputy", rank("湖南省副省长赵一鸣出席会议。", "赵一鸣", "副省长"));
        assertEquals("BureauDeputy", rank("怀化市副市长赵一鸣出席会议。", "赵一鸣", "副市长"));
        // a sub-provincial city's mayor is 副部级, its deputies 正厅级
        assertEquals("ProvincialDeputy", rank("杭州市市长赵一鸣出席会议。", "赵一鸣", "市长"));
        assertEquals("BureauPrincipal", rank("杭州市副市长赵一鸣出席会议。", "赵一鸣", "副市长"));
        assertEquals("CountyPrincipal", rank("溆浦县委书记赵一鸣出席会议。", "赵一鸣", "书记"));
        // a department of a province is a bureau; of a county, a section
        assertEquals("BureauPrincipal", rank("湖南省教育厅厅长赵一鸣出席会议。", "赵一鸣", "厅长"));
        assertEquals("TownshipPrincipal", rank("溆浦县教育局局长赵一鸣出席会议。", "赵一鸣", "局长"));
        assertEquals("NationalDeputy", rank("国务院副总理赵一鸣出席会议。", "赵一鸣", "副总理"));
        assertEquals("ProvincialPrincipal", rank("财政部部长赵一鸣出席会议。", "赵一鸣", "部长"));
    }

    @Test
    void unknownStaysUnknown() {
        assertNull(rank("溆浦县北斗溪镇茅坡村党支部书记赵一鸣介绍情况。", "赵一鸣", "书记"));
        // a unit inside a department (a branch, a team's party branch) has no band by these rules
        assertNull(rank("怀化市公安局鹤城分局局长赵一鸣介绍情况。", "赵一鸣", "局长"));
    }
}
