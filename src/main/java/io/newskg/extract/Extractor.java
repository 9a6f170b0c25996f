package io.newskg.extract;

import io.newskg.gazetteer.Gazetteer;
import io.newskg.gazetteer.Region;
import io.newskg.gazetteer.RegionLinker;
import io.newskg.ingest.ArticleSplitter;
import io.newskg.model.Article;
import io.newskg.model.Page;
import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.PageResult;
import io.newskg.nlp.HanLpTokenizer;
import io.newskg.nlp.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Page in, everything we know how to extract out: articles, officials and posts, people, organisations, regions. */
public final class Extractor {
    /** Recorded in the RDF so every fact names the code that produced it. */
    public static final String VERSION = "newskg-extractor/0.1";

    private final ArticleSplitter splitter = new ArticleSplitter();
    final Lexicon lexicon;
    final Tokenizer tokenizer;
    final Gazetteer gazetteer;
    final RegionLinker linker;
    final PostExtractor posts;
    final NameFinder names;
    final OrgResolver orgs;
    final OrgMentionFinder orgMentions;
    final EventExtractor events;
    /** The second name model, one per thread (its lexer is not shared). */
    final ThreadLocal<io.newskg.nlp.PersonNames> secondNames = ThreadLocal.withInitial(io.newskg.nlp.MynlpPersonNames::new);

    public Extractor() {
        this.lexicon = Lexicon.get();
        this.tokenizer = new HanLpTokenizer(lexicon.segmenterWords());
        this.gazetteer = Gazetteer.get();
        this.linker = new RegionLinker(gazetteer);
        this.names = new NameFinder(lexicon);
        this.posts = new PostExtractor(lexicon, names);
        this.orgs = new OrgResolver(lexicon, linker);
        this.events = new EventExtractor(gazetteer);
        this.orgMentions = new OrgMentionFinder(lexicon, w -> !gazetteer.lookup(w).isEmpty());
    }

    public Gazetteer gazetteer() { return gazetteer; }

    public PageResult extract(Page page) {
        List<Article> articles = splitter.split(page);
        Region province = page.province() != null ? gazetteer.byCode(page.province()) : inferProvince(page.text());
        String provinceCode = province == null ? null : province.code();
        List<ArticleContext> contexts = new ArrayList<>();
        for (Article a : articles) contexts.add(new ArticleContext(gazetteer, province, linker.link(a.body().text(), provinceCode)));
        Region pagePrefecture = ArticleContext.pagePrefecture(contexts);
        List<ArticleResult> out = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            contexts.get(i).pagePrefecture = pagePrefecture;
            contexts.get(i).pageDate = page.date();
            out.add(new ArticleExtraction(this, articles.get(i), contexts.get(i)).run(page));
        }
        return new PageResult(page.file(), page.date() == null ? null : page.date().toString(), page.newspaper(), out);
    }

    /** The province whose prefectures and counties the page names most. */
    Region inferProvince(String text) {
        Map<String, Integer> votes = linker.provinceVotes(text);
        if (votes.isEmpty()) {
            // no prefecture or county named: the province (or municipality) the page names most
            votes = new java.util.HashMap<>();
            for (io.newskg.gazetteer.RegionMention m : linker.link(text, null)) {
                if (m.resolved() && m.region().level() == Region.Level.PROVINCE && m.region().mainland()) votes.merge(m.region().code(), 1, Integer::sum);
            }
        }
        // nor a province: two-character short names of one province's cities and counties (萧山, 杭州)
        if (votes.isEmpty()) votes = linker.provinceVotes(text, 2);
        return votes.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(e -> gazetteer.byCode(e.getKey())).orElse(null);
    }

}
