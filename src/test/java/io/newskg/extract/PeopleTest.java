package io.newskg.extract;

import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Person;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Words that look like names but are not, on made-up articles. */
class PeopleTest {
    private static List<String> people(String body) {
        return TestPages.article(body).people().stream().map(Person::name).toList();
    }

    @Test
    void aSlogansWordsAreNoName() {
        List<String> names = people("全镇开展“比武争星”活动,村民张秀兰说:“通过‘比武争星’,大家干劲更足了。”");
        assertTrue(names.stream().noneMatch(n -> n.contains("争星")), names.toString());
        assertTrue(names.contains("张秀兰"), names.toString());
    }

    @Test
    void aParallelPhraseIsNoName() {
        List<String> names = people("广大干部要沉入基层,问计于民、问需于民、问效于民,村民王秀英对此深有体会。");
        assertTrue(names.stream().noneMatch(n -> n.endsWith("于民")), names.toString());
        assertTrue(names.contains("王秀英"), names.toString());
    }

    @Test
    void aNameDoesNotStartWithTheLastCharOfATitle() {
        var a = TestPages.webArticle("区供销联社主任赵一鸣，党委委员、副主任陆静、何刚等陪同调研。");
        var people = a.people().stream().map(p -> p.name()).toList();
        org.junit.jupiter.api.Assertions.assertFalse(people.contains("任陆静"), people.toString());
    }
}
