package io.eventline.load;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which probe articles are on their way and since when. A probe is sent, answered {@code 202}, then
 * seen in the probe timeline's feed; rarely the consumer is quicker than the {@code 202}'s trip back,
 * and a probe is seen while still in flight: it then counts as visible at once. Any article id the
 * feed lists that is not a probe in flight or waiting (an earlier probe, listed again because its event
 * changed) is ignored.
 */
final class ProbeBook {

    private final Set<String> inFlight = new HashSet<>();
    private final Set<String> seenInFlight = new HashSet<>();
    private final Map<String, Long> waiting = new HashMap<>();
    private int counted;

    synchronized void sent(String id) {
        inFlight.add(id);
    }

    /**
     * The probe's answer came at {@code nanos}. A probe that was refused or has no events is forgotten;
     * one already seen is visible at once (freshness 0), which this returns.
     */
    synchronized OptionalLong answered(String id, long nanos, boolean acceptedWithEvents) {
        inFlight.remove(id);
        boolean seen = seenInFlight.remove(id);
        if (!acceptedWithEvents) {
            return OptionalLong.empty();
        }
        counted++;
        if (seen) {
            return OptionalLong.of(0);
        }
        waiting.put(id, nanos);
        return OptionalLong.empty();
    }

    /** The feed listed {@code id} at {@code nanos}: returns the probe's freshness in nanoseconds if it was waiting. */
    synchronized OptionalLong seen(String id, long nanos) {
        Long accepted = waiting.remove(id);
        if (accepted != null) {
            return OptionalLong.of(nanos - accepted);
        }
        if (inFlight.contains(id)) {
            seenInFlight.add(id);
        }
        return OptionalLong.empty();
    }

    /** Probes accepted with events: the ones freshness is measured on. */
    synchronized int counted() {
        return counted;
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
