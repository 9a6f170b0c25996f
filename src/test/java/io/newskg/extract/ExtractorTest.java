package io.newskg.extract;

import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Official;
import io.newskg.model.Results.Post;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Post forms of Chinese news on made-up articles (no seed sentences). */
class ExtractorTest {
    private static ArticleResult only(String body) {
        return TestPages.article(body);
    }

    private static Official official(ArticleResult a, String name) {
        return a.officials().stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
    }

    private static boolean holds(Official o, String title, String org) {
        return o.posts().stream().anyMatch(p -> p.title().equals(title) && p.org().equals(org));
    }

    @Test
    void listSharingTheCityCommittee() {
        ArticleResult a = only("近日,包头市召开工作会议。市委常委、宣传部部长王建国出席会议并讲话。");
        Official o = official(a, "王建国");
        assertNotNull(o, a.officials().toString());
        assertTrue(holds(o, "常委", "包头市委"), o.posts().toString());
        assertTrue(holds(o, "部长", "包头市委宣传部"), o.posts().toString());
    }

    @Test
    void autonomousRegionExpandsToTheProvince() {
        ArticleResult a = only("会上,自治区党委宣传部副部长孙立华作了动员讲话。");
        Official o = official(a, "孙立华");
        assertNotNull(o, a.officials().toString());
        Post p = o.posts().get(0);
        assertEquals("副部长", p.title());
        assertEquals("内蒙古自治区党委宣传部", p.org());
        assertEquals("内蒙古自治区", p.region());
        assertEquals("自治区党委宣传部副部长", p.asWritten());
    }

    @Test
    void villageCommitteeAfterVillageBranch() {
        ArticleResult a = only("在卓资县十八台镇,十八台村党支部书记、村委会主任韩志强说,今年村里建起了新厂房。");
        Official o = official(a, "韩志强");
        assertNotNull(o, a.officials().toString());
        assertTrue(o.posts().stream().anyMatch(p -> p.title().equals("书记") && p.org().endsWith("十八台村党支部")),
                o.posts().toString());
        assertTrue(o.posts().stream().anyMatch(p -> p.title().equals("主任") && p.org().endsWith("十八台村村民委员会")),
                o.posts().toString());
    }

    @Test
    void aVillageBodyFarFromTheNameOfTheArticlesVillage() {
        ArticleResult a = only("卓资县十八台镇十八台村这几年变化很大。十八台村的党员带头干。\n\n"
                + "村里修了路，建了文化广场，办起了合作社，外出打工的年轻人陆续回来了，老人们在广场上跳舞，孩子们在新学校里读书，日子一天比一天红火。村里修了路，建了文化广场，办起了合作社，外出打工的年轻人陆续回来了，老人们在广场上跳舞，孩子们在新学校里读书，日子一天比一天红火。\n\n村里修了路，建了文化广场，办起了合作社，外出打工的年轻人陆续回来了，老人们在广场上跳舞，孩子们在新学校里读书，日子一天比一天红火。村里修了路，建了文化广场，办起了合作社，外出打工的年轻人陆续回来了，老人们在广场上跳舞，孩子们在新学校里读书，日子一天比一天红火。\n\n村红白理事会副会长韩志强说，如今办酒席不再攀比了。");
        Official o = official(a, "韩志强");
        assertNotNull(o, a.officials().toString());
        assertTrue(o.posts().stream().anyMatch(p -> p.org().endsWith("十八台村红白理事会")), o.posts().toString());
    }

    @Test
    void impliedGovernmentOfTheCity() {
        ArticleResult a = only("乌兰察布市举行现场会,副市长郑宏伟出席。");
        Official o = official(a, "郑宏伟");
        assertNotNull(o, a.officials().toString());
        assertTrue(holds(o, "副市长", "乌兰察布市人民政府"), o.posts().toString());
    }

    @Test
    void peopleWithoutPostsAreNotOfficials() {
        ArticleResult a = only("村民马建平说:“今年收成好。”");
        assertNull(official(a, "马建平"));
        assertTrue(a.people().stream().anyMatch(p -> p.name().equals("马建平") && "村民".equals(p.description())),
                a.people().toString());
    }

    @Test
    void reportersAreBylinesNotPeople() {
        ArticleResult a = only("在现场,记者赵一鸣看到群众纷纷点赞。");
        assertTrue(a.people().stream().noneMatch(p -> p.name().equals("赵一鸣")));
        assertTrue(a.bylines().stream().anyMatch(b -> b.name().equals("赵一鸣") && b.role().equals("记者")));
    }

    @Test
    void offsetsPointIntoThePage() {
        String body = "会上,自治区党委宣传部副部长孙立华作了动员讲话。";
        String text = TestPages.page(body);
        ArticleResult a = TestPages.article(body);
        Official o = official(a, "孙立华");
        assertNotNull(o);
        assertEquals("孙立华", text.substring(o.begin(), o.end()));
        Post p = o.posts().get(0);
        assertEquals("自治区党委宣传部副部长", text.substring(p.begin(), p.end()));
        assertEquals(body, text.substring(p.sentenceBegin(), p.sentenceEnd()));
    }
}
