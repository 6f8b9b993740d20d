package io.eventline.timeline.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Serializes the placement of mentions whose periods overlap, across consumer instances: a
 * PostgreSQL transaction-level advisory lock per calendar year a period covers, held to commit.
 * Without it two transactions placing reports of the same day would each find no event and each
 * create one: a duplicate no row lock can prevent, since the row does not exist yet.
 *
 * <p>Any two overlapping periods share a year, so they take a common lock. A period of more than
 * {@link #MAX_YEARS} years takes the one {@code WIDE} lock exclusively instead, which every
 * transaction also takes shared: it conflicts with everything, without thousands of locks.
 *
 * <p>Deadlock-free among transactions that take all their locks at once through {@link #lock}
 * (ascending keys, {@code WIDE} first), as the consumer does, after locking its articles' rows (so the
 * periods it reads of their mentions cannot change before it commits). The row locks of events, or an
 * article another instance inserts at the same moment, can still make PostgreSQL break a rare
 * deadlock; the consumer then applies the batch again.
 */
@ApplicationScoped
public class DateBucketLocks {

    /** The advisory lock namespace of these locks (first key of the two-key form): "TL". */
    private static final int NAMESPACE = 0x544C;
    private static final int WIDE = Integer.MIN_VALUE;
    static final int MAX_YEARS = 200;

    private final EntityManager entityManager;

    DateBucketLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The locks a transaction holds, so that each is asked for once. */
    public static final class Held {
        private boolean wideShared;
        private final Set<Integer> exclusive = new TreeSet<>();
    }

    public static Held none() {
        return new Held();
    }

    /** Takes, in key order, the locks of the given periods that {@code held} does not have yet. */
    public void lock(Held held, Collection<EventMentionRepository.Period> periods) {
        TreeSet<Integer> wanted = new TreeSet<>();
        for (EventMentionRepository.Period period : periods) {
            keysOf(period.start(), period.end(), wanted);
        }
        wanted.removeAll(held.exclusive);
        if (!held.wideShared && !held.exclusive.contains(WIDE) && !wanted.contains(WIDE)) {
            entityManager.createNativeQuery("select pg_advisory_xact_lock_shared(:namespace, :key)")
                    .setParameter("namespace", NAMESPACE).setParameter("key", WIDE)
                    .getSingleResult();
            held.wideShared = true;
        }
        if (wanted.isEmpty()) {
            return;
        }
        // one round trip; the ordered subquery makes the locks be taken in ascending order
        entityManager.createNativeQuery("""
                        select count(*) from (
                            select pg_advisory_xact_lock(:namespace, k)
                            from (select cast(unnest(string_to_array(:keys, ',')) as int) as k order by 1) ordered
                        ) locked""")
                .setParameter("namespace", NAMESPACE)
                .setParameter("keys", wanted.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .getSingleResult();
        held.exclusive.addAll(wanted);
    }

    /**
     * Whether an event of this period needs no row lock once the transaction holds the date locks of a
     * period overlapping it: a period within one year has one key, which every transaction that changes
     * such an event holds too (it places, re-derives or regroups mentions whose periods overlap the
     * event's, so cover that year; or it holds WIDE exclusively, which excludes every other). An event
     * over several years can be changed by a transaction holding another of its years: it is locked.
     */
    public static boolean guardedByDateLocks(LocalDate start, LocalDate end) {
        return start.getYear() == end.getYear();
    }

    static void keysOf(LocalDate start, LocalDate end, Set<Integer> keys) {
        if (end.getYear() - start.getYear() >= MAX_YEARS) {
            keys.add(WIDE);
            return;
        }
        for (int year = start.getYear(); year <= end.getYear(); year++) {
            keys.add(year);
        }
    }
}
