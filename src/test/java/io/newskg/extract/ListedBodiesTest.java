package io.newskg.extract;

import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Organization;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Organisations named without a post or a place before them, on made-up web articles. */
class ListedBodiesTest {
    private static List<String> organizations(String... paragraphs) {
        return TestPages.webArticle(paragraphs).organizations().stream().map(Organization::name).toList();
    }

    @Test
    void newsOutletsInTheText() {
        List<String> orgs = organizations("新华社长沙5月3日电（记者王明）日前，湖南省召开全省春耕生产工作会议。");
        assertTrue(orgs.contains("新华社"), orgs.toString());
    }

    @Test
    void firmsByTheirOwnWordsAndForm() {
        List<String> orgs = organizations("考察组来到鑫源达科技有限公司，了解企业复工复产情况。这家公司近年来发展很快。");
        assertTrue(orgs.contains("鑫源达科技有限公司"), orgs.toString());
        // a kind of firm is no firm's name
        orgs = organizations("小区物业公司和电子公司的职工参加了培训。");
        assertFalse(orgs.contains("物业公司") || orgs.contains("电子公司"), orgs.toString());
    }

    @Test
    void itemsOfAListOfBodies() {
        List<String> orgs = organizations("展会吸引了恒达、华星、金鹰等知名企业参展。");
        assertTrue(orgs.containsAll(List.of("恒达", "华星", "金鹰")), orgs.toString());
        // kinds of bodies in such a list are not bodies
        orgs = organizations("活动组织了学校、企业、社区等单位的志愿者参加。");
        assertFalse(orgs.contains("学校") || orgs.contains("企业") || orgs.contains("社区"), orgs.toString());
    }

    @Test
    void committeesListedAfterOneWrittenWithItsBody() {
        List<String> orgs = organizations("会议听取了全国人大教育科学文化卫生委员会、农业与农村委员会分别提出的报告。");
        assertTrue(orgs.contains("全国人民代表大会教育科学文化卫生委员会"), orgs.toString());
        assertTrue(orgs.contains("全国人民代表大会农业与农村委员会"), orgs.toString());
    }

    @Test
    void anAssociationInvitingStandsAlone() {
        List<String> orgs = organizations("代表团应中华文化促进会邀请赴港访问，行程三天。");
        assertTrue(orgs.contains("中华文化促进会"), orgs.toString());
        assertFalse(orgs.stream().anyMatch(o -> o.startsWith("应")), orgs.toString());
    }

    @Test
    void villageCommitteesByTheirOfficialNames() {
        List<String> orgs = organizations("长沙县春华镇龙王庙村村委会组织村民清理河道。");
        assertTrue(orgs.contains("长沙县春华镇龙王庙村村民委员会"), orgs.toString());
    }

    @Test
    void outletsOnlyAsWordsOfTheirOwn() {
        List<String> orgs = organizations("干部要坚持实事求是，把中国网络安全工作抓实抓细。");
        assertFalse(orgs.contains("求是") || orgs.contains("中国网"), orgs.toString());
    }

    @Test
    void centralBodiesAreNotPrefixedTwice() {
        ArticleResult a = TestPages.webArticle("中共中央纪委副书记刘志远出席会议并讲话。");
        assertTrue(a.officials().stream().flatMap(o -> o.posts().stream())
                .anyMatch(p -> p.org().equals("中共中央纪律检查委员会")), a.officials().toString());
    }

    @Test
    void aBodyOpeningWithTheInvitingCharKeepsIt() {
        List<String> orgs = organizations("长沙市应急管理局邀请专家开展安全生产培训。");
        assertTrue(orgs.contains("长沙市应急管理局"), orgs.toString());
    }
}
