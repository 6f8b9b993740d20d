package io.eventline.timeline.dedup;

/**
 * The judge's answer for two reports, with the parts of the score so that a wrong merge can be
 * explained (see {@link SameEventJudge} for how they combine).
 *
 * @param score            the similarity the threshold is applied to
 * @param sameEvent        whether the dates are compatible and the score reaches the threshold
 * @param datesCompatible  whether one date contains the other ({@link DateCompatibility})
 * @param content          weighted Dice coefficient of the content-word stems, 0..1
 * @param entities         weighted share of the named entities found in the other report, 0..1; NaN
 *                         when a report has none (then the score leans on the content words alone)
 * @param concepts         Dice coefficient of the event concepts, 0..1; NaN when a report has none
 * @param figures          +1 when both state a figure and one agrees, -1 when both state figures and
 *                         none agrees, 0 otherwise
 * @param rates            the same for percentages and magnitudes, compared exactly (-1 if either
 *                         kind conflicts)
 * @param countries        -1 when each report names a country the other does not (tariffs paused for
 *                         Mexico / for Canada), 0 otherwise
 * @param targets          -1 when both reports have a target for one kind of happening and the targets
 *                         share no word (withdrawal from the Paris agreement / from the WHO), 0 otherwise
 */
public record Verdict(double score, boolean sameEvent, boolean datesCompatible, double content, double entities,
                      double concepts, int figures, int rates, int countries, int targets) {

    /** A verdict without the comparison of countries and targets. */
    public Verdict(double score, boolean sameEvent, boolean datesCompatible, double content, double entities,
                   double concepts, int figures, int rates) {
        this(score, sameEvent, datesCompatible, content, entities, concepts, figures, rates, 0, 0);
    }
}
