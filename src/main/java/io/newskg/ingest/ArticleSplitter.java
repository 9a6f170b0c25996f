package io.newskg.ingest;

import io.newskg.model.Article;
import io.newskg.model.Byline;
import io.newskg.model.MappedText;
import io.newskg.model.Page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a page into articles: column label, headline (with kicker/subtitle), credits and the
 * repaired body, all with offsets into the page text.
 *
 * <p>How a page is read:
 * <ul>
 * <li>Runs of short lines (column labels, headline lines, byline lines) form header blocks.
 *     A block with a label, a byline or several headline lines opens an article.</li>
 * <li>A lone short line opens an article only with some other sign: the previous article
 *     ended (photo credit, source line), a wide gap before it, a dateline ("本报讯") or an
 *     author line after it, or a short caption ending in a photo credit after it. Otherwise it
 *     is an intertitle of the running article, or, when it sits inside a broken sentence, a
 *     line the layout displaced (a headline printed mid-body, a banner).</li>
 * <li>A photo credit or source line ends an article; text after it with no headline of its own
 *     is the rest of an earlier article that a photo interrupted.</li>
 * <li>A header with no text under it (its body was laid out elsewhere on the page) is matched
 *     to the paragraph that opens on the place named in its kicker.</li>
 * </ul>
 */
public final class ArticleSplitter {

    /** At most this many paragraphs under a headline make a photo caption, not a story. */
    static final int CAPTION_PARAGRAPHS = 3;
    static final int CAPTION_CHARS = 600;

    /** A second headline on a web page is no shorter than this. */
    static final int HEADLINE_MIN = 6;
    private static final String OPEN_QUOTES = "“\"「『‘'";
    /** Punctuation of intertitles and questions that a headline of its own does not carry. */
    private static final String INTERTITLE_PUNCT = ",，:：;；?？!！";
    /** A lead that tells the day in its first clause: "6月19日，", "21日上午", "今（15）日", "近日". */
    static final Pattern DATE_LEAD = Pattern.compile(
            "^[^，,。；;：:]{0,14}?(?:\\d{1,2}月\\d{1,2}日|\\d{1,2}日|[今昨][（(]\\d{1,2}[)）]日|[今昨前明]天|[今昨]日|近日|日前|当天|当日)");
    /** A column tag after a web headline: "某某某（聚焦基层党建）", "某某（监督哨）". */
    private static final Pattern COLUMN_TAG = Pattern.compile("^(.{4,}?)" + BylineParser.SP + "*[（(][^（）()]{2,16}[)）]$");

    private static final Pattern COMMENTARY_LABEL = Pattern.compile("评论|时评|短评|言论|观点|社论|评论员|论坛|杂谈|随笔|感言");

    /** Working state of one article while the page is read. */
    private static final class Draft {
        final List<Line> header = new ArrayList<>();
        final List<LineKind> headerKinds = new ArrayList<>();
        final List<Line> body = new ArrayList<>();
        final List<Line> credits = new ArrayList<>();
        final List<Line> displaced = new ArrayList<>();
        boolean ended;
        /** Opened by a dateline ("本报讯…") without a headline: a story of its own. */
        boolean datelined;

        boolean headless() { return header.isEmpty(); }

        int firstBodyOffset() { return body.isEmpty() ? Integer.MAX_VALUE : body.get(0).begin(); }

        boolean hasPhotoCredit() {
            if (credits.stream().anyMatch(c -> LineKind.of(c.text()) == LineKind.PHOTO_CREDIT)) return true;
            return body.stream().anyMatch(l -> BylineParser.gluedCreditStart(l.text()) >= 0);
        }

        int bodyChars() { return body.stream().mapToInt(Line::length).sum(); }
    }

    public List<Article> split(Page page) {
        String text = page.text() == null ? "" : page.text();
        try {
            return splitLines(text);
        } catch (RuntimeException e) {
            // an odd layout must not stop the pipeline: fall back to the page as one article
            List<Line> lines = Line.of(text);
            if (lines.isEmpty()) return List.of();
            MappedText body = MappedText.join(LayoutRepair.paragraphs(lines), "\n");
            return List.of(new Article(0, "", null, "news", List.of(), body,
                    lines.get(0).begin(), lines.get(lines.size() - 1).end()));
        }
    }

    private List<Article> splitLines(String text) {
        List<Line> all = Line.of(text);
        if (all.isEmpty()) return List.of();
        LineKind[] allKinds = new LineKind[all.size()];
        int[] allGap = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
            allKinds[i] = LineKind.of(all.get(i).text());
            allGap[i] = Line.blankLinesBefore(text, all.get(i), i == 0 ? null : all.get(i - 1));
        }
        boolean webLines = markWebChrome(all, allKinds);
        // chrome is no part of the page's text; the gaps stay those of the printed lines
        List<Line> lines = new ArrayList<>();
        List<LineKind> kindList = new ArrayList<>();
        List<Integer> gapList = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (allKinds[i] == LineKind.CHROME) continue;
            lines.add(all.get(i));
            kindList.add(allKinds[i]);
            gapList.add(allGap[i]);
        }
        int n = lines.size();
        if (n == 0) return List.of();
        LineKind[] kinds = kindList.toArray(new LineKind[0]);
        int[] gap = gapList.stream().mapToInt(Integer::intValue).toArray();
        // blocks of a page are set apart by more blank lines than its paragraphs are
        int paraGap = typicalParagraphGap(kinds, gap), wideGap = paraGap + 1;
        // a web text: its first line is the headline, its paragraphs are not set apart by blank
        // lines (or it has a site's metadata or chrome); it holds one article unless a later one
        // comes with a headline of its own (see opensWebArticle)
        boolean web = kinds[0] == LineKind.HEADING && (paraGap == 0 || webLines);

        List<Draft> drafts = new ArrayList<>();
        List<Line> pendingMeta = new ArrayList<>();
        Draft cur = null;
        int i = 0;
        while (i < n) {
            LineKind k = kinds[i];
            if (isHeader(k)) {
                int e = i;
                while (e + 1 < n && isHeader(kinds[e + 1])) e++;
                Role role = judgeBlock(lines, kinds, gap, wideGap, i, e, cur, web);
                if (role == Role.START) {
                    i = giveCaptionBack(kinds, i, e, cur, lines);
                    cur = newDraft(drafts, pendingMeta);
                    for (int j = i; j <= e; j++) {
                        cur.header.add(lines.get(j));
                        cur.headerKinds.add(kinds[j]);
                    }
                } else if (role == Role.HEADER) {
                    for (int j = i; j <= e; j++) {
                        cur.header.add(lines.get(j));
                        cur.headerKinds.add(kinds[j]);
                    }
                } else if (role == Role.DISPLACED) {
                    for (int j = i; j <= e; j++) cur.displaced.add(lines.get(j));
                } else {
                    if (cur == null || cur.ended) cur = newDraft(drafts, pendingMeta);
                    for (int j = i; j <= e; j++) cur.body.add(lines.get(j));
                }
                i = e + 1;
                continue;
            }
            Line l = lines.get(i);
            if (k == LineKind.META) {
                // a site's metadata: under a headline it belongs to it; after a body it closes it
                if (cur == null) {
                    pendingMeta.add(l);
                } else {
                    cur.credits.add(l);
                    if (!cur.body.isEmpty()) cur.ended = true;
                }
            } else if (k == LineKind.PHOTO_CREDIT || k == LineKind.SOURCE) {
                if (cur == null) cur = newDraft(drafts, pendingMeta);
                cur.credits.add(l);
                cur.ended = true;
            } else {
                if (cur == null || cur.ended || opensStory(cur, l)) {
                    cur = newDraft(drafts, pendingMeta);
                    cur.datelined = BylineParser.startsWithDateline(l.text());
                }
                cur.body.add(l);
                if (BylineParser.gluedCreditStart(l.text()) >= 0) cur.ended = true;
            }
            i++;
        }

        mergeHeadless(drafts);
        relocateOrphans(drafts);
        drafts.removeIf(d -> d.body.isEmpty());
        drafts.sort(Comparator.comparingInt(Draft::firstBodyOffset));
        List<Article> out = new ArrayList<>();
        for (Draft d : drafts) out.add(build(text, paraGap, out.size(), d));
        return out;
    }

    private static Draft newDraft(List<Draft> drafts, List<Line> pendingMeta) {
        Draft d = new Draft();
        d.credits.addAll(pendingMeta);
        pendingMeta.clear();
        drafts.add(d);
        return d;
    }

    /** START a new article; HEADER: more header lines of the current one (after its metadata). */
    private enum Role { START, HEADER, INTERTITLE, DISPLACED }

    private static boolean isHeader(LineKind k) {
        return k == LineKind.SECTION || k == LineKind.HEADING || k == LineKind.BYLINE;
    }

    /**
     * Marks the web chrome that only context tells: the other steps of a breadcrumb printed one
     * a line after 首页, the widget names after 分享到, a headline printed twice. The first line
     * left is a headline even when longer than a page's headlines. Returns whether the text has
     * web chrome or metadata at all.
     */
    static boolean markWebChrome(List<Line> lines, LineKind[] kinds) {
        boolean web = false, content = false;
        String prev = null;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).text();
            if (kinds[i] == LineKind.CHROME) {
                web = true;
                boolean crumb = !content && WebPage.opensBreadcrumb(t), share = WebPage.opensShare(t);
                while (i + 1 < lines.size() && kinds[i + 1] != LineKind.META
                        && (crumb && WebPage.isStep(lines.get(i + 1).text()) || share && WebPage.isShareName(lines.get(i + 1).text()))) {
                    kinds[++i] = LineKind.CHROME;
                }
                continue;
            }
            if (kinds[i] == LineKind.META) web = true;
            if (t.equals(prev) && (kinds[i] == LineKind.HEADING || kinds[i] == LineKind.BODY && !content)) {
                kinds[i] = LineKind.CHROME;
                continue;
            }
            if (!content && kinds[i] == LineKind.BODY && i + 1 < lines.size()
                    && LineKind.looksLikeHeading(t, LineKind.FIRST_HEADLINE_MAX)) {
                kinds[i] = LineKind.HEADING;
            }
            content = true;
            prev = t;
        }
        return web;
    }

    /** Decides what a block of short lines {@code [b, e]} is. */
    private static Role judgeBlock(List<Line> lines, LineKind[] kinds, int[] gap, int wideGap, int b, int e, Draft cur,
                                   boolean web) {
        int headings = 0;
        boolean labelOrByline = false;
        for (int j = b; j <= e; j++) {
            if (kinds[j] == LineKind.HEADING) headings++;
            else labelOrByline = true;
        }
        if (cur == null || cur.ended || cur.body.isEmpty() && cur.headless()) return Role.START;
        if (web) {
            if (cur.body.isEmpty()) return Role.HEADER;
            return opensWebArticle(lines, kinds, b, e, cur) ? Role.START : Role.INTERTITLE;
        }
        if (labelOrByline || headings >= 2) return Role.START;
        int n = lines.size();
        int next = e + 1;
        if (gap[b] >= wideGap) return Role.START;
        if (next >= n) return Role.INTERTITLE;
        if (kinds[next] == LineKind.BODY && BylineParser.startsWithDateline(lines.get(next).text())) return Role.START;
        if (captionFollows(lines, kinds, next)) return Role.START;
        // a short line inside a broken sentence was put there by the layout
        if (!cur.body.isEmpty() && kinds[next] == LineKind.BODY) {
            String prev = cur.body.get(cur.body.size() - 1).text();
            if (LayoutRepair.endsOpen(prev) && !LineKind.looksLikeHeading(prev)) return Role.DISPLACED;
        }
        return Role.INTERTITLE;
    }

    /**
     * Inside a web article a block of short lines is an intertitle, unless it opens another
     * article: a headline with a credit line under it, a headline over a dateline
     * ("本报讯", "新华社…电"), or, after a finished paragraph, a line shaped like a headline
     * (phrases apart by spaces, no comma, colon, question or quote: intertitles are worded so)
     * over a lead that opens on the day ("…今（15）日…", "6月19日，", "近日，").
     */
    private static boolean opensWebArticle(List<Line> lines, LineKind[] kinds, int b, int e, Draft cur) {
        boolean heading = false;
        for (int j = b; j <= e; j++) {
            if (kinds[j] == LineKind.HEADING) heading = true;
            else if (kinds[j] == LineKind.BYLINE && heading) return true;
        }
        int next = e + 1;
        if (!heading || next >= lines.size() || kinds[next] != LineKind.BODY) return false;
        String lead = lines.get(next).text();
        if (BylineParser.startsWithDateline(lead)) return true;
        if (LayoutRepair.endsOpen(cur.body.get(cur.body.size() - 1).text())) return false;
        return kinds[e] == LineKind.HEADING && headlineShaped(lines.get(e).text()) && DATE_LEAD.matcher(lead).find();
    }

    /** A line worded as a headline, not as an intertitle (see {@link #opensWebArticle}). */
    static boolean headlineShaped(String s) {
        if (s.length() < HEADLINE_MIN) return false;
        if (OPEN_QUOTES.indexOf(s.charAt(0)) >= 0) return false;
        for (int i = 0; i < s.length(); i++) if (INTERTITLE_PUNCT.indexOf(s.charAt(i)) >= 0) return false;
        return true;
    }

    /** A dateline after a finished paragraph opens a new story even without a headline (briefs). */
    private static boolean opensStory(Draft cur, Line l) {
        if (cur.body.isEmpty() || !BylineParser.startsWithDateline(l.text())) return false;
        return !LayoutRepair.endsOpen(cur.body.get(cur.body.size() - 1).text());
    }

    /** Most common number of blank lines before a body paragraph (0 when the page has none). */
    static int typicalParagraphGap(LineKind[] kinds, int[] gap) {
        int[] count = new int[8];
        for (int i = 1; i < kinds.length; i++) {
            if (kinds[i] == LineKind.BODY && kinds[i - 1] == LineKind.BODY) count[Math.min(gap[i], 7)]++;
        }
        int best = 0;
        for (int g = 1; g < count.length; g++) if (count[g] > count[best]) best = g;
        return best;
    }

    /**
     * In a photo group the captions of single pictures sit next to the credit. A short line
     * right after a photo's credit, above another headline and a byline, is such a caption,
     * not the next story's headline. Returns the first line left for the new header.
     */
    private static int giveCaptionBack(LineKind[] kinds, int b, int e, Draft prev, List<Line> lines) {
        if (prev == null || !prev.ended || !isPhoto(prev) || e - b < 2) return b;
        if (kinds[b] != LineKind.HEADING || kinds[b + 1] != LineKind.HEADING) return b;
        boolean byline = false;
        for (int j = b + 2; j <= e; j++) if (kinds[j] == LineKind.BYLINE) byline = true;
        if (!byline) return b;
        prev.displaced.add(lines.get(b));
        return b + 1;
    }

    /** A few short paragraphs from {@code from} that end with a photo credit: a photo caption. */
    private static boolean captionFollows(List<Line> lines, LineKind[] kinds, int from) {
        int paragraphs = 0, chars = 0;
        for (int j = from; j < lines.size(); j++) {
            LineKind k = kinds[j];
            if (k == LineKind.PHOTO_CREDIT) return paragraphs > 0;
            if (k != LineKind.BODY) return false;
            paragraphs++;
            chars += lines.get(j).length();
            if (paragraphs > CAPTION_PARAGRAPHS || chars > CAPTION_CHARS) return false;
            if (BylineParser.gluedCreditStart(lines.get(j).text()) >= 0) return true;
        }
        return false;
    }

    /**
     * Text without a headline of its own after an article ended: a caption goes with the article
     * just before it (its picture); longer text is the rest of the last story a photo interrupted.
     */
    private static void mergeHeadless(List<Draft> drafts) {
        for (int d = 1; d < drafts.size(); d++) {
            Draft h = drafts.get(d);
            if (!h.headless() || h.datelined || h.body.isEmpty()) continue;
            boolean caption = h.hasPhotoCredit() && h.body.size() <= CAPTION_PARAGRAPHS && h.bodyChars() <= CAPTION_CHARS;
            Draft target = null;
            for (int t = d - 1; t >= 0 && target == null; t--) {
                Draft c = drafts.get(t);
                if (c.body.isEmpty()) continue;
                if (caption || !isPhoto(c)) target = c;
            }
            if (target == null) continue;
            target.body.addAll(h.body);
            target.credits.addAll(h.credits);
            target.displaced.addAll(h.displaced);
            drafts.remove(d);
            d--;
        }
    }

    private static boolean isPhoto(Draft d) {
        return d.hasPhotoCredit() && d.body.size() <= CAPTION_PARAGRAPHS && d.bodyChars() <= CAPTION_CHARS
                && !hasReporterCredit(d);
    }

    private static boolean hasReporterCredit(Draft d) {
        for (int j = 0; j < d.header.size(); j++) {
            if (d.headerKinds.get(j) == LineKind.BYLINE) return true;
        }
        return !d.body.isEmpty() && BylineParser.startsWithDateline(d.body.get(0).text())
                && !BylineParser.parseDateline(d.body.get(0).text(), 0).isEmpty();
    }

    /**
     * A header with no text under it: the layout put its body elsewhere (continued from another
     * column). Its kicker usually names the place the story is about ("某旗——"); the body is
     * the paragraph, not continuing a broken sentence, that opens on that name inside another
     * article which had not mentioned it before.
     */
    private static void relocateOrphans(List<Draft> drafts) {
        for (Draft orphan : new ArrayList<>(drafts)) {
            if (!orphan.body.isEmpty() || orphan.header.isEmpty()) continue;
            String key = kickerKey(orphan);
            if (key == null) continue;
            for (Draft host : drafts) {
                if (host == orphan || host.body.size() < 2) continue;
                int at = openingParagraph(host, key);
                if (at < 0) continue;
                List<Line> moved = new ArrayList<>(host.body.subList(at, host.body.size()));
                host.body.subList(at, host.body.size()).clear();
                orphan.body.addAll(moved);
                // credits printed after the moved text belong to it, not to the host
                orphan.credits.addAll(host.credits.stream().filter(c -> c.begin() > moved.get(0).begin()).toList());
                host.credits.removeIf(c -> c.begin() > moved.get(0).begin());
                break;
            }
        }
    }

    private static int openingParagraph(Draft host, String key) {
        StringBuilder seen = new StringBuilder();
        for (Line h : host.header) seen.append(h.text());
        seen.append(host.body.get(0).text());
        for (int p = 1; p < host.body.size(); p++) {
            String prev = host.body.get(p - 1).text(), t = host.body.get(p).text();
            int pos = t.indexOf(key);
            if (pos >= 0 && pos <= 20 && !LayoutRepair.continues(prev, t) && seen.indexOf(key) < 0) return p;
            seen.append(t);
        }
        return -1;
    }

    /** Place or subject a kicker ends on ("…,某市——" → 某市), or null. */
    private static String kickerKey(Draft d) {
        for (Line l : d.header) {
            String t = l.text();
            int dash = t.indexOf("——");
            if (dash < 2) continue;
            String before = t.substring(0, dash);
            int cut = Math.max(Math.max(before.lastIndexOf(','), before.lastIndexOf('，')), before.lastIndexOf(' '));
            String key = before.substring(cut + 1).strip();
            if (key.length() >= 2 && key.length() <= 10 && key.codePoints().allMatch(Character::isIdeographic)) return key;
        }
        return null;
    }

    private static Article build(String text, int paraGap, int index, Draft d) {
        List<Byline> bylines = new ArrayList<>();
        List<String> heads = new ArrayList<>();
        List<Line> headLines = new ArrayList<>();
        boolean author = false, commentaryLabel = false;
        for (int j = 0; j < d.header.size(); j++) {
            Line l = d.header.get(j);
            LineKind k = d.headerKinds.get(j);
            if (k == LineKind.HEADING) {
                heads.add(l.text());
                headLines.add(l);
            } else if (k == LineKind.BYLINE) {
                if (BylineParser.isAuthorLine(l.text())) {
                    addAll(bylines, BylineParser.parseAuthor(l.text(), l.begin()));
                    author = true;
                } else {
                    addAll(bylines, BylineParser.parse(l.text(), l.begin()));
                }
            } else if (k == LineKind.SECTION) {
                if (LineKind.isBoxLabel(l.text())) continue;
                // a marked name right under a headline is the commentary's author, not a label
                if (!heads.isEmpty() && j == d.header.size() - 1 && BylineParser.isAuthorLine(l.text())) {
                    addAll(bylines, BylineParser.parseAuthor(l.text(), l.begin()));
                    author = true;
                } else if (COMMENTARY_LABEL.matcher(l.text()).find()) {
                    commentaryLabel = true;
                }
            }
        }
        if (!d.body.isEmpty()) {
            Line first = d.body.get(0);
            addAll(bylines, BylineParser.parseDateline(first.text(), first.begin()));
            addAll(bylines, BylineParser.parseAgency(first.text(), first.begin()));
        }
        for (Line l : d.body) {
            if (BylineParser.gluedCreditStart(l.text()) >= 0) addAll(bylines, BylineParser.parseTail(l.text(), l.begin()));
        }
        if (!d.body.isEmpty()) {
            Line last = d.body.get(d.body.size() - 1);
            if (BylineParser.gluedCreditStart(last.text()) < 0) addAll(bylines, BylineParser.parseTail(last.text(), last.begin()));
        }
        // an author the site's metadata names (作者：…) does not make a commentary
        boolean authorCredit = bylines.stream().anyMatch(b -> b.role().equals(Byline.AUTHOR));
        for (Line c : d.credits) {
            addAll(bylines, WebPage.isMeta(c.text()) ? WebPage.credits(c.text(), c.begin()) : BylineParser.parse(c.text(), c.begin()));
        }

        String[] ts = titles(text, paraGap, headLines);
        String title = ts[0], subtitle = ts[1];
        Matcher tag = COLUMN_TAG.matcher(title);
        if (tag.matches()) title = tag.group(1);
        if (title.isEmpty() && !d.displaced.isEmpty()) {
            // the headline was printed inside the body by the layout
            title = d.displaced.get(0).text();
        }
        List<MappedText> paragraphs = LayoutRepair.paragraphs(d.body);
        MappedText body = MappedText.join(paragraphs, "\n");
        String kind;
        if (author || commentaryLabel || authorCredit) {
            kind = "commentary";
        } else if (isPhoto(d)) {
            kind = "photo";
        } else if (d.headless() && d.datelined && paragraphs.size() <= 2) {
            kind = "brief";
        } else {
            kind = "news";
        }
        int begin = Math.min(d.header.isEmpty() ? Integer.MAX_VALUE : d.header.get(0).begin(), d.body.get(0).begin());
        int end = d.body.get(d.body.size() - 1).end();
        for (Line l : d.header) end = Math.max(end, l.end());
        for (Line l : d.credits) end = Math.max(end, l.end());
        return new Article(index, title, subtitle, kind, List.copyOf(bylines), body, begin, end);
    }

    private static void addAll(List<Byline> into, List<Byline> more) {
        for (Byline b : more) {
            boolean dup = into.stream().anyMatch(x -> x.name().equals(b.name()) && x.role().equals(b.role()));
            if (!dup) into.add(b);
        }
    }

    /**
     * Headline and subtitle from the heading lines of a header. A line ending in "——" is a
     * kicker (引题) and goes to the subtitle; lines printed without a blank between them, or
     * two short lines of equal length (a couplet), are one headline; otherwise the first line
     * is the headline and the rest the subtitle.
     */
    static String[] titles(String text, int paraGap, List<Line> heads) {
        if (heads.isEmpty()) return new String[] {"", null};
        List<String> kicker = new ArrayList<>();
        List<Line> main = new ArrayList<>();
        for (Line l : heads) {
            String t = l.text();
            int dash = t.lastIndexOf("——");
            if (dash > 0 && dash + 2 == t.length()) {
                kicker.add(t);
            } else if (dash > 0 && main.isEmpty() && kicker.isEmpty() && heads.size() == 1) {
                kicker.add(t.substring(0, dash + 2));
                main.add(new Line(t.substring(dash + 2).strip(), l.begin() + dash + 2, l.end()));
            } else {
                main.add(l);
            }
        }
        if (main.isEmpty()) return new String[] {String.join("", kicker), null};
        // group main lines: adjacent lines (no blank between) and couplets form one headline
        List<String> groups = new ArrayList<>();
        StringBuilder g = new StringBuilder(main.get(0).text());
        Line prev = main.get(0);
        for (int j = 1; j < main.size(); j++) {
            Line l = main.get(j);
            // only a page that sets paragraphs apart with blank lines tells adjacent lines apart
            boolean adjacent = paraGap > 0
                    && text.substring(prev.end(), l.begin()).chars().filter(c -> c == '\n').count() <= paraGap;
            boolean couplet = prev.length() == l.length() && l.length() <= 12;
            if (couplet) g.append(' ').append(l.text());
            else if (adjacent) g.append(l.text());
            else { groups.add(g.toString()); g = new StringBuilder(l.text()); }
            prev = l;
        }
        groups.add(g.toString());
        String title = groups.get(0);
        List<String> sub = new ArrayList<>(kicker);
        sub.addAll(groups.subList(1, groups.size()));
        return new String[] {title, sub.isEmpty() ? null : String.join(" ", sub)};
    }
}
