package io.newskg.model;

import java.util.List;

/**
 * What extraction yields, in the shape of the gold annotations (see README), each item
 * with character offsets into the page file and a confidence in [0,1]. Sentence offsets
 * give the provenance span that the RDF records.
 */
public final class Results {
    private Results() {}

    public record PageResult(String file, String date, String newspaper, List<ArticleResult> articles) {}

    public record ArticleResult(String title, String subtitle, String kind, String startsWith,
                                int begin, int end, List<Byline> bylines,
                                List<Official> officials, List<Person> people,
                                List<Organization> organizations, List<RegionRef> regions,
                                List<Event> events) {}

    public record Official(String name, List<Post> posts, int begin, int end, double confidence) {}

    /**
     * @param org        full organisation name, expanded from context
     * @param region     name of the region the organisation belongs to, or null
     * @param regionCode its division code, or null
     * @param asWritten  the post as the text writes it (organisation + title)
     * @param status     current, appointed, elected, proposed, removed or former, as the text tells
     * @param start      when the post began as the text dates it (1986-06, 2001), or null
     * @param finish     when it ended, or null
     */
    /**
     * @param status current, appointed, elected, proposed, removed or former
     * @param start  when the post began (2001-08, 2016-05-12), as far as the text says; null if unknown
     * @param finish when it ended, likewise ({@code end} is the offset where the post is written)
     * @param asOf   the page's date, on which the text reports the status (JSON {@code as_of})
     */
    public record Post(String title, String org, String region, String regionCode, String asWritten,
                       int begin, int end, int sentenceBegin, int sentenceEnd, double confidence, String status,
                       String start, String finish,
                       @com.fasterxml.jackson.annotation.JsonProperty("as_of") String asOf) {
        /** This post with another status and dates (a résumé line dates a post read elsewhere). */
        public Post withDates(String status, String start, String finish) {
            return new Post(title, org, region, regionCode, asWritten, begin, end, sentenceBegin, sentenceEnd, confidence,
                    status, start, finish, asOf);
        }
    }

    public record Person(String name, String description, int begin, int end,
                         int sentenceBegin, int sentenceEnd, double confidence) {}

    public record Organization(String name, String asWritten, String regionCode,
                               int begin, int end, double confidence) {}

    /**
     * A region mention. {@code code} is null when it could not be resolved; the text is kept.
     */
    public record RegionRef(String asWritten, String name, String level, String parent,
                            String code, String parentCode, int begin, int end, double confidence) {}

    public record Event(String type, String summary, String date, String location, String region,
                        String regionCode, List<String> participants, List<String> organizers,
                        int begin, int end, int sentenceBegin, int sentenceEnd, double confidence) {}
}
