package io.newskg.model;

/** A credit line: reporter, correspondent, photographer, contributing unit or source. */
public record Byline(String name, String role, int begin, int end, double confidence) {
    public static final String REPORTER = "记者";
    public static final String TRAINEE = "见习记者";
    public static final String CORRESPONDENT = "通讯员";
    public static final String PHOTO = "摄影";
    public static final String CONTRIBUTOR = "供稿单位";
    public static final String SOURCE = "来源";
    public static final String AUTHOR = "作者";
}
