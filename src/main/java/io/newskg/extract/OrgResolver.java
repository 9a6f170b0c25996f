package io.newskg.extract;

import io.newskg.gazetteer.Region;
import io.newskg.gazetteer.RegionLinker;
import io.newskg.gazetteer.RegionMention;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Expands an organisation name as written into its full name using the article's context:
 * 自治区党委 → 内蒙古自治区党委, 市委 → 乌兰察布市委, 组织部 after 市委常委 → 乌兰察布市委组织部,
 * 村委会 → that village's 村民委员会, 支队政治处 → the 支队 named earlier + 政治处.
 */
final class OrgResolver {
    private final Lexicon lexicon;
    private final RegionLinker linker;

    OrgResolver(Lexicon lexicon, RegionLinker linker) {
        this.lexicon = lexicon;
        this.linker = linker;
    }

    record Resolved(String name, Region region) {}

    /** Government heads: their organisation is the people's government of the region named. */
    private static final java.util.regex.Pattern GOVERNMENT_HEAD =
            java.util.regex.Pattern.compile("^(常务)?代?副?(省长|市长|州长|区长|县长|旗长|盟长|镇长|乡长|苏木达)$");
    private static final java.util.Set<String> PARTY_TITLES = java.util.Set.of("书记", "副书记", "第一书记", "常务副书记");
    private static final java.util.Set<String> VILLAGE_HEAD = java.util.Set.of("嘎查达", "村长", "主任", "副主任");

    /**
     * @param written  the organisation as written
     * @param title    the title the organisation goes with, or null for a bare mention
     * @param previous the organisation of the post listed just before in the same list, or null
     * @param village  the village mentioned nearest before, for bare 村委会 / 村党支部, or null
     * @param township the township mentioned nearest before, for a bare 党委, or null
     * @param at       where {@code written} starts in the article body, or -1
     */
    Resolved resolve(String written, String title, String previous, Region village, Region township,
                     ArticleContext ctx, int at) {
        Resolved r = resolveName(written, title, previous, village, township, ctx, at);
        // Hong Kong's, Macao's and Taiwan's governments are not people's governments (南投县政府)
        if (r != null && r.region() != null && !r.region().official() && r.name().contains("人民政府")) {
            return new Resolved(r.name().replace("人民政府", "政府"), r.region());
        }
        return r;
    }

    private Resolved resolveName(String written, String title, String previous, Region village, Region township,
                                 ArticleContext ctx, int at) {
        // 锡林郭勒盟政协机关: the offices of a body are the body
        if (written.endsWith("机关") && written.length() > 4) written = written.substring(0, written.length() - 2);
        String s = abbreviationsExpanded(spokenForms(written));
        if (lexicon.centralBodies.contains(s)) return new Resolved("中华人民共和国" + s, null);
        if (s.isEmpty() && title != null && GOVERNMENT_HEAD.matcher(title).matches() && previous != null) {
            // 江门市委副书记、副市长 / 副市长、代市长，市长: the government of the region just named
            if (previous.endsWith("人民政府")) return locate(previous, ctx);
            String region = regionPrefix(previous, ctx);
            if (region != null && region.endsWith(title.substring(title.length() - 2, title.length() - 1))) {
                return locate(region + "人民政府", ctx);
            }
        }
        if (s.isEmpty() && title != null && GOVERNMENT_HEAD.matcher(title).matches()) {
            Region r = governedRegion(title, township, ctx);
            if (r != null) return locate(canonical(r) + "人民政府", ctx);
            // 县委副书记、县长 where the county is unknown: that county's government, not its 县委
            Matcher bare = previous == null ? null : BARE_COMMITTEE.matcher(previous);
            if (bare != null && bare.matches() && title.contains(bare.group(1) + "长")) return new Resolved(bare.group(1) + "人民政府", null);
        }
        if (s.isEmpty() && previous == null && title != null) {
            // 许钢副院长, 局长 alone: the head of the body of that kind the article named last
            Matcher head = HEAD_OF_KIND.matcher(title);
            if (head.matches()) {
                String body = lastNamedBody(head.group(1), ctx);
                if (body != null) return locate(body, ctx);
            }
        }
        if (s.isEmpty()) {
            if (previous == null) return null;
            // 党组副书记、副主任: the second post is in the body the party group leads
            if (title != null && !PARTY_TITLES.contains(title) && !title.contains("委员")) {
                previous = PARTY_GROUP_END.matcher(previous).replaceFirst("");
            }
            // 村党支部书记、村委会主任 / 嘎查书记、嘎查达: the village head serves the villagers' committee
            if (title != null && VILLAGE_HEAD.contains(title) && previous.endsWith("党支部")) {
                previous = previous.substring(0, previous.length() - 3) + "村民委员会";
            }
            return locate(previous, ctx);
        }
        if ((s.equals("党委") || s.equals("镇党委") || s.equals("乡党委")) && township != null) {
            return locate(canonical(township) + "党委", ctx);
        }
        // the township the sentence is in, else the one the article is about
        Region here = township != null ? township : ctx.township;
        // 镇宣传委员: that township, its body as the title says
        if ((s.equals("镇") || s.equals("乡")) && title != null && here != null && here.name().endsWith(s)) s = here.name();
        // 韭黄村村委会 is the village's 村民委员会, 居委会 a community's 居民委员会 (their official names)
        if (s.length() > 3 && s.endsWith("村委会")) s = s.substring(0, s.length() - 3) + "村民委员会";
        if (s.length() > 3 && s.endsWith("居委会")) s = s.substring(0, s.length() - 3) + "居民委员会";
        // 平元村村支书: the village's own party branch (平元村党支部), not a 村党支部 inside it
        if (s.length() > 5) s = VILLAGE_BRANCH_DOUBLED.matcher(s).replaceFirst("村$1");
        // 当地派出所: the unit of the township the sentence is in
        if (s.startsWith("当地") && s.length() > 3 && lexicon.orgSuffix(s) != null && here != null) {
            return locate(canonical(here) + s.substring(2), ctx);
        }
        if ((s.startsWith("镇") || s.startsWith("乡")) && s.length() > 2 && lexicon.orgSuffix(s.substring(1)) != null
                && !s.startsWith("镇党委") && !s.startsWith("乡党委")
                && !com.hankcs.hanlp.dictionary.CoreDictionary.contains(s.substring(0, 2))) {
            // 镇供电所: a unit of that township
            if (here != null && here.name().endsWith(s.substring(0, 1))) return locate(canonical(here) + s.substring(1), ctx);
        }
        if (isVillageCommittee(s) && village != null) {
            return new Resolved(villagePrefix(village, ctx) + "村民委员会", village);
        }
        if (s.startsWith("村") && lexicon.orgSuffix(s) != null && village != null) {
            return locate(villagePrefix(village, ctx) + s.substring(1), ctx);
        }
        String siblingRegion = previous != null && SIBLING_BODY.matcher(s).matches() ? regionPrefix(previous, ctx) : null;
        if (s.startsWith("自治区") && ctx.province != null && !ctx.province.name().equals("自治区")) {
            s = ctx.province.name() + s.substring(3);
        } else if ((startsWithLocal(s, "省") || s.startsWith("全省") && s.length() > 2) && ctx.province != null
                && ctx.province.name().endsWith("省")) {
            s = ctx.province.name() + s.substring(s.startsWith("全省") ? 2 : 1);
        } else if (s.startsWith("全区") && s.length() > 2 && ctx.province != null && ctx.province.name().endsWith("自治区")) {
            s = ctx.province.name() + s.substring(2);
        } else if (startsWithLocal(s, "市") && ctx.city != null) {
            s = stem(ctx.city.name()) + s;
        } else if (startsWithLocal(s, "州") && ctx.prefecture != null && ctx.prefecture.name().endsWith("州")) {
            // 州委 of an autonomous prefecture: 红河州委, as news names it
            String prefix = ctx.prefecture.stem();
            s = (prefix != null ? prefix : stem(ctx.prefecture.name())) + s;
        } else if (startsWithLocal(s, "盟") && ctx.prefecture != null && ctx.prefecture.name().endsWith("盟")) {
            s = stem(ctx.prefecture.name()) + s;
        } else if ((startsWithLocal(s, "县") || startsWithLocal(s, "旗") || startsWithLocal(s, "区"))
                && ctx.county != null && ctx.county.name().endsWith(s.substring(0, 1))) {
            s = stem(ctx.county.name()) + s;
        } else if (s.startsWith("该市") && ctx.city != null) {
            s = ctx.city.name() + s.substring(2);
        } else if (previous != null && isDepartment(s) && previous.endsWith("委")) {
            s = previous + s;
        } else if (previous != null && PARTY_END.matcher(previous).find() && BARE_UNIT.matcher(s).matches()
                && !previous.startsWith(s)) {
            // 总社党组成员、理事会副主任: a bare unit after a body's party group is that body's unit
            s = PARTY_END.matcher(previous).replaceFirst("") + s;
        } else if (siblingRegion != null) {
            // 区纪委书记、监委主任: the second body is the same region's
            s = siblingRegion + s;
        } else if (OrgMentionFinder.THAT_UNIT.matcher(s).matches() && s.substring(1).equals(lexicon.orgSuffix(s))) {
            s = lastNamed(s.substring(1), ctx, s);
        } else if (s.equals("党校")) {
            s = partyCommittee(ctx) + s;
        } else if (OrgMentionFinder.OWN_PARTY.matcher(s).matches()) {
            s = ownPartyBody(s, ctx);
        } else {
            s = joinToParent(s, ctx, title != null);
        }
        s = DOUBLED_LEVEL.matcher(s).replaceAll("$1委");
        // 市政府 is the 市人民政府: the official name of a local government
        if (!s.contains("人民政府")) s = LOCAL_GOVERNMENT.matcher(s).replaceFirst("$1人民政府");
        // local tax bureaus are branches of the State Taxation Administration and named so
        if (s.endsWith("税务局") || s.indexOf("税务局") > 0) {
            if (!s.startsWith("国家税务总局") && !s.startsWith("税务局")) s = "国家税务总局" + s;
        }
        // the article's own reading of the places (with their context) holds while the text is as written
        Resolved r = canonicalised(s, title, ctx, s.equals(written) ? at : -1, written, at);
        r = partyBodyOf(r, title);
        // 赤峰市团委 is officially 共青团赤峰市委员会
        Matcher league = YOUTH_LEAGUE.matcher(r.name());
        if (league.matches()) return new Resolved("共青团" + league.group(1) + "委员会", r.region());
        // a local party committee's school is officially 中共乌兰察布市委党校
        if (LOCAL_COMMITTEE.matcher(r.name()).lookingAt() && r.name().endsWith("委党校") && !r.name().startsWith("中共")) {
            return new Resolved("中共" + r.name(), r.region());
        }
        return r;
    }

    private static final java.util.regex.Pattern BARE_COMMITTEE = java.util.regex.Pattern.compile("([省市州县区旗盟])委");
    private static final java.util.regex.Pattern VILLAGE_BRANCH_DOUBLED = java.util.regex.Pattern.compile("村村(党支部|党总支|党委)$");
    private static final java.util.regex.Pattern PARTY_GROUP_END = java.util.regex.Pattern.compile("(党组|党委)$");
    private static final java.util.regex.Pattern CHAIR = java.util.regex.Pattern.compile("(常务)?副?主席");
    private static final java.util.regex.Pattern VILLAGE_END = java.util.regex.Pattern.compile(".+(村|嘎查|社区)");
    private static final java.util.regex.Pattern COMMITTEE_DEPARTMENT = java.util.regex.Pattern.compile("组织部|宣传部|统战部|政法委|办公室");
    private static final java.util.regex.Pattern VILLAGE_UNIT = java.util.regex.Pattern.compile("\\p{IsHan}{1,8}(村|社区|嘎查)");
    private static final java.util.regex.Pattern LEVEL_END =
            java.util.regex.Pattern.compile("(省|自治区|市|盟|州|地区|县|旗|区|乡|镇|苏木|街道|村|嘎查|社区)$");
    /** The bodies a place has of its own, named right after a bare place name. */
    /** Societies registered with a province's civil affairs department (社会团体), named after the province. */
    private static final java.util.regex.Pattern PROVINCIAL_SOCIETY = java.util.regex.Pattern.compile(
            "[^省市区县]{2,12}(促进会|协会|学会|联合会|研究会|基金会)");
    private static final java.util.regex.Pattern LOCAL_OWN_BODY = java.util.regex.Pattern.compile(
            "(?:党委|人民政府|政府|\\p{IsHan}{1,8}(?:局|委员会|委|办公室|联合社|总工会|联合会))(?:党委|党组)?");
    private static final java.util.regex.Pattern DOUBLED_LEVEL = java.util.regex.Pattern.compile("([省市州盟县旗区])\\1委");
    private static final java.util.regex.Pattern LOCAL_GOVERNMENT =
            java.util.regex.Pattern.compile("(?<=\\p{IsHan})(省|市|州|盟|县|区|旗|镇|乡)政府");
    /** Titles naming the head of a kind of body (院长 → 院, 副局长 → 局). */
    private static final java.util.regex.Pattern HEAD_OF_KIND =
            java.util.regex.Pattern.compile("^(?:常务)?副?([院局所厅处科校站馆行部])(?:长|领导)$");

    /** A body's own unit named bare (理事会, 办公室, 研究室, 监事会). */
    private static final java.util.regex.Pattern BARE_UNIT =
            java.util.regex.Pattern.compile("^(理事会|监事会|董事会|办公室|办公厅|研究室|\\p{IsHan}{2,4}(处|科|室))$");

    /** Bodies every local level has, written without their region in a list after one that has it. */
    private static final java.util.regex.Pattern SIBLING_BODY =
            java.util.regex.Pattern.compile("^(纪委|监委|人民政府|政府|人大常委会|人大|政协|党委|党工委|管委会|管理委员会)$");

    /** The region names {@code name} starts with, as written, or null. */
    private String regionPrefix(String name, ArticleContext ctx) {
        int at = 0;
        for (RegionMention m : linker.link(name, ctx.province == null ? null : ctx.province.code())) {
            if (m.begin() != at || !hasLevelSuffix(m)) break;
            at = m.end();
        }
        return at == 0 || at == name.length() ? null : name.substring(0, at);
    }

    /** Names that already are a party body, a committee or a people's congress/CPPCC body. */
    private static final java.util.regex.Pattern PARTY_BODY =
            java.util.regex.Pattern.compile(".*(党委|党组|党工委|党总支|支部|党小组|委|委员会|工委|纪委|监委|人大|政协|常委会|总社|中央|政治局)$");
    /** Government departments, whose party organisation is a 党组; institutes and firms have a 党委. */
    private static final java.util.regex.Pattern DEPARTMENT = java.util.regex.Pattern.compile(".*(局|厅|办|办公室|署)$");
    private static final java.util.regex.Pattern INSTITUTION =
            java.util.regex.Pattern.compile(".*(院|所|校|大学|学院|中心|公司|集团|医院|联合社|协会|联合会)$");

    /**
     * 书记 of a body that is not a party body is the secretary of its party organisation:
     * a department's 党组 (局, 厅), an institution's or firm's 党委 (CPC Constitution, arts. 30 and 48).
     */
    private static Resolved partyBodyOf(Resolved r, String title) {
        if (title == null || !PARTY_TITLES.contains(title) || title.equals("第一书记")) return r;
        String n = r.name();
        if (PARTY_BODY.matcher(n).matches() || n.endsWith("村") || n.endsWith("社区") || n.endsWith("嘎查")) return r;
        if (DEPARTMENT.matcher(n).matches()) return new Resolved(n + "党组", r.region());
        if (INSTITUTION.matcher(n).matches()) return new Resolved(n + "党委", r.region());
        return r;
    }

    /** 村里 and 镇上 say "of the village", "of the town"; a 支部 of a village or body is its 党支部. */
    private static final java.util.regex.Pattern SPOKEN_LEVEL = java.util.regex.Pattern.compile("^([村镇乡县区市])(?:里|上)(?=\\p{IsHan}{2})");
    private static final java.util.regex.Pattern BARE_BRANCH = java.util.regex.Pattern.compile("(?<![党团])支部$");

    /** The written forms of speech (村里红白理事会, 村支部) as units are named (村红白理事会, 村党支部). */
    static String spokenForms(String written) {
        String s = SPOKEN_LEVEL.matcher(written).replaceFirst("$1");
        return BARE_BRANCH.matcher(s).replaceFirst("党支部");
    }

    /** The body ending in {@code kind} the article named last, itself or through its party body (院党委 → 院). */
    private static String lastNamedBody(String kind, ArticleContext ctx) {
        for (int i = ctx.fullOrgs.size() - 1; i >= 0; i--) {
            String body = PARTY_END.matcher(ctx.fullOrgs.get(i)).replaceFirst("");
            if (body.endsWith(kind) && body.length() > kind.length()) return body;
        }
        return null;
    }

    /** The organisation ending in {@code suffix} the article named last, or {@code otherwise}. */
    private static String lastNamed(String suffix, ArticleContext ctx, String otherwise) {
        for (int i = ctx.fullOrgs.size() - 1; i >= 0; i--) if (ctx.fullOrgs.get(i).endsWith(suffix)) return ctx.fullOrgs.get(i);
        return otherwise;
    }

    /** A local party committee at the start of a name: 乌兰察布市委 of 乌兰察布市委组织部 (not 社区委员会). */
    private static final java.util.regex.Pattern LOCAL_COMMITTEE = java.util.regex.Pattern.compile("^.+?[市县旗区盟]委(?!员)");

    /** The one local party committee the article's organisations belong to, or "" (a bare 党校 is its school). */
    private static String partyCommittee(ArticleContext ctx) {
        String found = "";
        for (String full : ctx.fullOrgs) {
            Matcher m = LOCAL_COMMITTEE.matcher(full);
            if (!m.lookingAt()) continue;
            if (!found.isEmpty() && !found.equals(m.group())) return "";
            found = m.group();
        }
        return found;
    }

    private static final java.util.regex.Pattern YOUTH_LEAGUE = java.util.regex.Pattern.compile("^(.+)共青团委员会$");

    /**
     * Rewrites the region names an organisation starts with to their official forms, named the
     * way units are: grassroots units with their county (宁城县黑里河镇长青村党支部), county units
     * with their prefecture (赤峰市元宝山区委组织部). A bare region before a title becomes the
     * body that title serves in: 镇长 → 镇人民政府, 村书记 → 村党支部, 镇书记 → 镇党委.
     */
    private Resolved canonicalised(String s, String title, ArticleContext ctx, int bodyOffset, String written, int writtenAt) {
        List<RegionMention> ms = new java.util.ArrayList<>();
        if (bodyOffset >= 0) {
            for (RegionMention m : ctx.regions) {
                if (m.begin() >= bodyOffset && m.end() <= bodyOffset + s.length()) {
                    ms.add(new RegionMention(m.asWritten(), m.begin() - bodyOffset, m.end() - bodyOffset, m.region(), m.confidence()));
                }
            }
        } else {
            ms = linker.link(s, ctx.province == null ? null : ctx.province.code());
            // a short name the article's context resolved (萧山 of 萧山供销社, expanded to 萧山供销合作社联合社)
            if ((ms.isEmpty() || ms.get(0).begin() != 0) && writtenAt >= 0) {
                int shared = 0;
                while (shared < Math.min(s.length(), written.length()) && s.charAt(shared) == written.charAt(shared)) shared++;
                List<RegionMention> own = new java.util.ArrayList<>();
                for (RegionMention m : ctx.regions) {
                    if (m.begin() >= writtenAt && m.end() <= writtenAt + shared) {
                        own.add(new RegionMention(m.asWritten(), m.begin() - writtenAt, m.end() - writtenAt, m.region(), m.confidence()));
                    }
                }
                if (!own.isEmpty()) ms = own;
            }
        }
        int at = 0;
        Region deepest = null;
        String former = null;
        for (int mi = 0; mi < ms.size(); mi++) {
            RegionMention m = ms.get(mi);
            boolean followed = mi + 1 < ms.size() && ms.get(mi + 1).begin() == m.end();
            // 山东烟台市芝罘区纪委: a province written bare before its own units is dropped as units are named
            if (mi == 0 && m.begin() == 0 && m.resolved() && m.region().level() == Region.Level.PROVINCE && followed) {
                at = m.end();
                continue;
            }
            // a bare stem (呼伦贝尔边境管理支队) is part of a proper name, not a region prefix, unless
            // a region follows it (怀化溆浦县)
            // nor is 涪陵 of 涪陵党委/涪陵政府: the place's own committee or government
            Region r = m.resolved() ? m.region() : resolvedInArticle(m.asWritten(), ctx);
            boolean ownBody = r != null && r.level().ordinal() <= Region.Level.COUNTY.ordinal()
                    && LOCAL_OWN_BODY.matcher(s).region(m.end(), s.length()).matches();
            if (m.begin() != at || !hasLevelSuffix(m) && !(followed && m.resolved()) && !ownBody) break;
            if (r == null) break;
            at = m.end();
            deepest = r;
            former = m.formerName() ? m.asWritten() : null;
        }
        if (deepest != null && deepest.level() == Region.Level.PROVINCE && at == s.length() && title != null) {
            // 江西省副省长: the province's government; 省委书记 its party committee
            if (GOVERNMENT_HEAD.matcher(title).matches() || CHAIR.matcher(title).matches() && s.endsWith("自治区")) {
                return locate(s + "人民政府", ctx);
            }
            if (PARTY_TITLES.contains(title)) return locate(s + (s.endsWith("自治区") ? "党委" : "委"), ctx);
        }
        if (deepest == null && !ms.isEmpty()) {
            RegionMention m = ms.get(0);
            // 安徽品牌建设促进会: a province's association is registered under the province's full name
            // (安徽省…); its universities, papers and firms keep the bare stem (安徽大学, 湖南日报)
            if (m.begin() == 0 && m.resolved() && m.region().level() == Region.Level.PROVINCE && !hasLevelSuffix(m)
                    && PROVINCIAL_SOCIETY.matcher(s).region(m.end(), s.length()).matches()) {
                return locate(m.region().name() + s.substring(m.end()), ctx);
            }
        }
        if (deepest == null || deepest.level() == Region.Level.PROVINCE) return locate(s, ctx);
        String rest = s.substring(at);
        if (rest.isEmpty() && title != null) {
            if (GOVERNMENT_HEAD.matcher(title).matches()) rest = "人民政府";
            else if (PARTY_TITLES.contains(title)) rest = deepest.level() == Region.Level.VILLAGE ? "党支部" : "党委";
            // 宣传委员, 组织委员 of a township are members of its party committee
            else if (title.endsWith("委员") && deepest.level() != Region.Level.VILLAGE) rest = "党委";
        }
        // 涪陵党委, 涪陵政府: a county's or city's party committee is its 委, its government the 人民政府
        if (rest.equals("政府")) rest = "人民政府";
        if (rest.equals("党委") && deepest.level().ordinal() <= Region.Level.COUNTY.ordinal()) rest = "委";
        // a village the gazetteer could not place still has its party branch (南台村第一书记)
        if (title != null && PARTY_TITLES.contains(title) && VILLAGE_END.matcher(rest).matches()) rest = rest + "党支部";
        if (COMMITTEE_DEPARTMENT.matcher(rest).lookingAt() && deepest.level() != Region.Level.VILLAGE
                && deepest.level() != Region.Level.TOWNSHIP) {
            rest = "委" + rest;
        }
        // a village or community of a city district is named with the district alone (玉泉区南台村党支部)
        String prefix = deepest.level() == Region.Level.COUNTY && VILLAGE_UNIT.matcher(rest).lookingAt()
                ? deepest.name() : canonical(deepest);
        // a body of a county since turned district keeps the name it had (斗门县委 of 1992, not 斗门区委)
        if (former != null) prefix = former; // counties are named alone
        if (rest.startsWith("委") && prefix.endsWith("委")) rest = rest.substring(1);
        return new Resolved(prefix + rest, deepest);
    }

    /** The official chain naming a region as units are named (see {@link #canonicalised}). */
    String canonical(Region r) {
        List<Region> chain = linker.gazetteer().chain(r);
        int levels = switch (r.level()) {
            case VILLAGE -> 3;
            // a township is named with its county as that county is named (呼和浩特市玉泉区兴隆巷街道)
            // (a 街道 is the district's office); a town or township with its county or district alone
            case TOWNSHIP -> chain.size() > 1 && chain.get(1).name().endsWith("区") && r.name().endsWith("街道") ? 3 : 2;
            // city districts (新城区) are named with their city, counties and banners alone
            case COUNTY -> r.name().endsWith("区") ? 2 : 1;
            default -> 1;
        };
        StringBuilder sb = new StringBuilder();
        for (int i = Math.min(levels, chain.size()) - 1; i >= 0; i--) {
            Region x = chain.get(i);
            // a unit named after its city already (扬州经济技术开发区) takes no second city name
            if (i > 0 && x.level() == Region.Level.PREFECTURE && x.name().length() > 2 && chain.get(i - 1).name().startsWith(x.name().substring(0, x.name().length() - 1))) continue;
            // a municipality's districts are its own (重庆市涪陵区委), other provinces are left out
            boolean municipality = x.level() == Region.Level.PROVINCE && x.name().endsWith("市") && i == 1
                    && r.level() == Region.Level.COUNTY;
            if (x.level() == Region.Level.PROVINCE && r.level() != Region.Level.PROVINCE && !municipality) continue;
            sb.append(x.commonName());
        }
        return sb.toString();
    }

    /** A name ambiguous on its own (十八台村) that the article's context resolved. */
    private static Region resolvedInArticle(String form, ArticleContext ctx) {
        for (RegionMention m : ctx.regions) if (m.resolved() && m.asWritten().equals(form)) return m.region();
        return null;
    }

    /** Written with its level word: not a bare stem, even one ending like a suffix (杭州 of 杭州市, 广州). */
    private static boolean hasLevelSuffix(RegionMention m) {
        if (m.resolved() && m.region().commonName().length() > m.asWritten().length()
                && m.region().commonName().startsWith(m.asWritten())) return false;
        return hasLevelSuffix(m.asWritten());
    }

    private static boolean hasLevelSuffix(String name) {
        return LEVEL_END.matcher(name).find();
    }

    private static Region governedRegion(String title, Region near, ArticleContext ctx) {
        if (title.contains("省长")) return ctx.province != null && ctx.province.name().endsWith("省") ? ctx.province : null;
        if (title.contains("市长")) return ctx.city;
        if (title.contains("盟长") || title.contains("州长") && ctx.prefecture != null && ctx.prefecture.name().endsWith("州")) {
            return ctx.prefecture;
        }
        if (title.contains("县长") || title.contains("旗长") || title.contains("区长")) return ctx.county;
        if (near != null && near.level() == Region.Level.TOWNSHIP) return near;
        if (title.contains("镇长") || title.contains("乡长")) return ctx.township;
        return null;
    }

    /** Full name with the region it belongs to: the deepest region its name starts with. */
    Resolved locate(String name, ArticleContext ctx) {
        String provinceCode = ctx.province == null ? null : ctx.province.code();
        List<RegionMention> ms = linker.link(name, provinceCode);
        Region deepest = null;
        int at = 0;
        for (RegionMention m : ms) {
            if (m.begin() != at) break;
            at = m.end();
            if (m.resolved()) deepest = m.region();
        }
        if (deepest == null) {
            for (Map.Entry<String, String[]> e : lexicon.titleDefaultOrgs.entrySet()) {
                if (e.getValue()[0].equals(name)) return new Resolved(name, null);
            }
            if (ctx.province != null && name.startsWith(ctx.province.name())) deepest = ctx.province;
        }
        return new Resolved(name, deepest);
    }

    private String abbreviationsExpanded(String s) {
        for (Map.Entry<String, String> e : lexicon.orgAbbreviations.entrySet()) {
            if (!s.contains(e.getKey()) || s.contains(e.getValue()) || s.contains(e.getKey() + "门")) continue;
            // 中共中央纪委 → 中共中央纪律检查委员会: a full form opening with 中共 takes the written 中共 along
            String key = e.getValue().startsWith("中共") && s.contains("中共" + e.getKey()) ? "中共" + e.getKey() : e.getKey();
            s = s.replace(key, e.getValue());
        }
        return s;
    }

    private static boolean isVillageCommittee(String s) {
        return s.equals("村委会") || s.equals("村委") || s.equals("村民委员会");
    }

    /** The village's name with its county and township, as grassroots units are named. */
    private String villagePrefix(Region village, ArticleContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (Region r : linker.gazetteer().chain(village)) {
            if (r.level() == Region.Level.PREFECTURE || r.level() == Region.Level.PROVINCE) break;
            sb.insert(0, r == village ? r.commonName() : r.name());
        }
        return sb.toString();
    }

    /** 市委, 市政府, 市人大常委会 …: a unit of the city in context (not 市场, 市民). */
    private boolean startsWithLocal(String s, String level) {
        if (!s.startsWith(level) || s.length() < 2) return false;
        String rest = s.substring(1);
        return rest.startsWith("委") || rest.startsWith("政府") || rest.startsWith("人民政府") || rest.startsWith("人大")
                || rest.startsWith("政协") || rest.startsWith("纪委") || rest.startsWith("监委")
                || rest.startsWith("公安局") || rest.startsWith("人民法院") || rest.startsWith("人民检察院")
                || (LOCAL_UNIT.matcher(rest).matches() || rest.length() >= 3 && lexicon.orgSuffix(rest) != null)
                && !NOT_LOCAL.matcher(rest).lookingAt();
    }

    /** A unit of a local government or party committee after 市/县/区 (市农委, 区供销联社, 县林业局). */
    private static final java.util.regex.Pattern LOCAL_UNIT = java.util.regex.Pattern.compile(
            "^\\p{IsHan}{1,10}(局|厅|办|委员会|联合会|中心|委|社|总工会|科协|妇联|团委|残联|院|所|馆|站|队)$");
    /** Words that begin with a level's char but are no unit of it (市场, 市民, 区域, 县城). */
    private static final java.util.regex.Pattern NOT_LOCAL = java.util.regex.Pattern.compile("^(场|民|区|域|城|级|直|属|内|外)");

    /** 乌兰察布市 → 乌兰察布 so that 市委 becomes 乌兰察布市委. */
    private static String stem(String regionName) {
        return regionName.substring(0, regionName.length() - 1);
    }

    /** A department of a party committee: 组织部, 宣传部, 统战部, 办公室, 政法委 … */
    private static boolean isDepartment(String s) {
        return s.length() <= 5 && (s.endsWith("部") || s.endsWith("办") || s.endsWith("办公室") || s.endsWith("政法委"));
    }

    private static final java.util.regex.Pattern PARTY_END = java.util.regex.Pattern.compile("(机关)?(党组|党委|党总支|党支部)$");
    private static final java.util.regex.Pattern BODY_END =
            java.util.regex.Pattern.compile(".{2,}(政协|人大常委会|政府|院|局|厅|委|委员会|部|办|中心)$");

    /**
     * 院党组 after 市人民检察院, 机关党组 after 自治区政协党组: the party body of the body the
     * article named last (of that kind for 院, 局 …).
     */
    private static String ownPartyBody(String s, ArticleContext ctx) {
        String head = s.startsWith("机关") ? "机关" : s.substring(0, 1);
        for (int i = ctx.fullOrgs.size() - 1; i >= 0; i--) {
            String body = PARTY_END.matcher(ctx.fullOrgs.get(i)).replaceFirst("");
            if (!BODY_END.matcher(body).matches()) continue;
            if (head.equals("机关")) return body + s;
            if (body.endsWith(head)) return body + s.substring(1);
        }
        return s;
    }

    /**
     * 支队政治处 after 呼伦贝尔边境管理支队 was named: the written name begins with the end of a
     * full name the article gave before, so it is a unit of that organisation.
     */
    private String joinToParent(String s, ArticleContext ctx, boolean post) {
        String best = null;
        int bestOverlap = 0;
        for (String full : ctx.fullOrgs) {
            if (full.length() <= 2 || full.equals(s) || full.endsWith(s) && full.length() == s.length()) continue;
            for (int k = Math.min(s.length(), full.length() - 1); k >= 2; k--) {
                String shared = s.substring(0, k);
                if (full.endsWith(shared) && lexicon.orgSuffix(shared) != null) {
                    if (k > bestOverlap || k == bestOverlap && best != null && full.length() > best.length()) {
                        best = full.substring(0, full.length() - k) + s;
                        bestOverlap = k;
                    }
                    break;
                }
            }
        }
        if (best != null && bestOverlap >= 2) return best;
        return unitOfParent(s, ctx, post);
    }

    /**
     * A child unit named alone (业务处): in a post, a unit of the body of a parent type the article
     * named last (省供销社副主任沈省文、业务处处长吴小樟); in a bare mention, only where the article
     * named exactly one body of that type.
     */
    private String unitOfParent(String s, ArticleContext ctx, boolean post) {
        String bare = s.endsWith("”") ? s.substring(0, s.length() - 1) : s;
        String found = null;
        for (int i = ctx.fullOrgs.size() - 1; i >= 0; i--) {
            String full = ctx.fullOrgs.get(i);
            if (full.equals(s) || s.startsWith(full) || !parentOf(full, bare)) continue;
            if (post) return full + s;
            if (found != null) return s;
            found = full;
        }
        if (found != null) return found + s;
        return s;
    }

    private boolean parentOf(String parent, String unit) {
        // a 街道办事处 is a district's office, not a division (处) of a body
        if (unit.endsWith("办事处")) return false;
        for (Map.Entry<String, List<String>> e : lexicon.unitHierarchy.entrySet()) {
            if (parent.endsWith(e.getKey()) && e.getValue().stream().anyMatch(unit::endsWith)) return true;
        }
        return false;
    }
}
