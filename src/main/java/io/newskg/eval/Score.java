package io.newskg.eval;

/** True positives, false positives and false negatives of one category, with P/R/F1. */
public record Score(int tp, int fp, int fn) {
    public static final Score ZERO = new Score(0, 0, 0);

    public Score plus(Score o) { return new Score(tp + o.tp, fp + o.fp, fn + o.fn); }

    public double precision() { return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp); }

    public double recall() { return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn); }

    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
}
