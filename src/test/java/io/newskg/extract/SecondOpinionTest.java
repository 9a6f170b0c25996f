package io.newskg.extract;

import io.newskg.nlp.NameSpan;
import io.newskg.nlp.Token;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the second name model's names repair HanLP's tokens (no model: the names are given). */
class SecondOpinionTest {
    private static final Set<String> TITLES = Set.of("董事长", "所长");
    private static final Set<String> SURNAMES = Set.of("郑", "钟", "欧阳", "李", "孙");

    private static String joined(String text, List<Token> tokens, NameSpan... names) {
        StringBuilder sb = new StringBuilder();
        for (Token t : SecondOpinion.joined(text, tokens, List.of(names), TITLES::contains, SURNAMES::contains,
                s -> List.of(new Token(s, "x", 0, s.length())))) {
            sb.append(t.word()).append('/').append(t.tag()).append(' ');
        }
        return sb.toString().strip();
    }

    @Test
    void aNameCutShortIsJoined() {
        String text = "所长郑朝强拉进";
        List<Token> tokens = List.of(new Token("所长", "nnt", 0, 2), new Token("郑朝", "nr", 2, 4),
                new Token("强拉", "nrf", 4, 6), new Token("进", "v", 6, 7));
        assertEquals("所长/nnt 郑朝强/nr 拉/x 进/v", joined(text, tokens, new NameSpan("郑朝强", 2, 5)));
    }

    @Test
    void aNameEndingInsideAWordIsLeftAlone() {
        // 李腾荣获: "李腾 won", not a person 李腾荣
        String text = "李腾荣获一等奖";
        List<Token> tokens = List.of(new Token("李腾", "nr", 0, 2), new Token("荣获", "v", 2, 4),
                new Token("一等奖", "n", 4, 7));
        assertEquals("李腾/nr 荣获/v 一等奖/n", joined(text, tokens, new NameSpan("李腾荣", 0, 3)));
    }

    @Test
    void aTitleCutByADictionaryWordIsFinished() {
        // 董事/长江/丙/坤: 长江 (the river) swallowed the title's last char
        String text = "董事长江丙坤";
        List<Token> tokens = List.of(new Token("董事", "nnt", 0, 2), new Token("长江", "ns", 2, 4),
                new Token("丙", "Mg", 4, 5), new Token("坤", "ng", 5, 6));
        assertEquals("董事长/nnt 江丙坤/nr", joined(text, tokens, new NameSpan("江丙坤", 3, 6)));
    }

    @Test
    void compoundSurnamesAndDottedNames() {
        String text = "欧阳文华说";
        List<Token> tokens = List.of(new Token("欧阳", "nz", 0, 2), new Token("文华", "nz", 2, 4), new Token("说", "v", 4, 5));
        assertEquals("欧阳文华/nr 说/v", joined(text, tokens, new NameSpan("欧阳文华", 0, 4)));
        text = "艾力·买买提局长";
        tokens = List.of(new Token("艾力", "nhm", 0, 2), new Token("·", "w", 2, 3), new Token("买买提", "nz", 3, 6),
                new Token("局长", "nnt", 6, 8));
        assertEquals("艾力·买买提/nr 局长/nnt", joined(text, tokens, new NameSpan("艾力·买买提", 0, 6)));
    }

    @Test
    void twoWordsThatAreNoNamePieceStayApart() {
        String text = "孙子兵法";
        List<Token> tokens = List.of(new Token("孙子", "n", 0, 2), new Token("兵法", "n", 2, 4));
        assertEquals("孙子/n 兵法/n", joined(text, tokens, new NameSpan("孙子兵", 0, 3)));
    }
}
