package io.eventline.ingest.evaluation;

/**
 * The raw counts of a scoring, summed over documents before any division (micro-averaging), and
 * the TempEval-3 figures computed from them.
 *
 * @param system  expressions the tagger produced
 * @param gold    gold expressions
 * @param relaxed relaxed matches (sharing a token, paired one to one)
 * @param strict  relaxed matches with exactly the same span
 * @param values  relaxed matches with the same value string
 * @param types   relaxed matches with the same type
 */
public record TimexCounts(int system, int gold, int relaxed, int strict, int values, int types) {

    public static final TimexCounts NONE = new TimexCounts(0, 0, 0, 0, 0, 0);

    public TimexCounts plus(TimexCounts other) {
        return new TimexCounts(system + other.system, gold + other.gold, relaxed + other.relaxed,
                strict + other.strict, values + other.values, types + other.types);
    }

    public double relaxedPrecision() {
        return ratio(relaxed, system);
    }

    public double relaxedRecall() {
        return ratio(relaxed, gold);
    }

    public double relaxedF1() {
        return f1(relaxedPrecision(), relaxedRecall());
    }

    public double strictPrecision() {
        return ratio(strict, system);
    }

    public double strictRecall() {
        return ratio(strict, gold);
    }

    public double strictF1() {
        return f1(strictPrecision(), strictRecall());
    }

    /** Correct values among the relaxed matches. */
    public double valueAccuracy() {
        return ratio(values, relaxed);
    }

    /** (correct values / relaxed matches) x relaxed F1: finding and normalizing, the headline. */
    public double valueF1() {
        return valueAccuracy() * relaxedF1();
    }

    public double typeAccuracy() {
        return ratio(types, relaxed);
    }

    public double typeF1() {
        return typeAccuracy() * relaxedF1();
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
