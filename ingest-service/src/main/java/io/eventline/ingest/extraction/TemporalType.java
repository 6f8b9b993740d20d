package io.eventline.ingest.extraction;

/** The TimeML (TIMEX3) type of a {@link TemporalExpression}. */
public enum TemporalType {
    /** A calendar date at some granularity: "February 3", "April 1914", "the 1930s". */
    DATE,
    /** A time of day: "10 a.m.". */
    TIME,
    /** A length of time: "for 30 days". */
    DURATION,
    /** A recurring time: "every week". */
    SET
}
