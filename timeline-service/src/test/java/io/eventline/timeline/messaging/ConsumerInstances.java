package io.eventline.timeline.messaging;

import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * More instances of the service's consumer, for tests: the production {@link ArticleConsumerLoop}
 * with the application's parts (database, dead-letter publisher, metrics), on a topic and group of
 * the test's own. Lives in the loop's package to reach its fault-injection point.
 */
public final class ConsumerInstances {

    private ConsumerInstances() {
    }

    /** What a test makes a consumer die of: thrown between the database commit and the offset commit. */
    public static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash between the database commit and the offset commit");
        }
    }

    /** An instance not started yet: arm its faults, then {@link Instance#start()}. */
    public static Instance create(ArticleConsumer application, String name, String topic, String group,
                                  String deadLetterTopic, Map<String, Object> kafkaOverrides) {
        return new Instance(application.newLoop(name, topic, group, deadLetterTopic, kafkaOverrides));
    }

    public static Instance start(ArticleConsumer application, String name, String topic, String group,
                                 String deadLetterTopic, Map<String, Object> kafkaOverrides) {
        return create(application, name, topic, group, deadLetterTopic, kafkaOverrides).start();
    }

    public static final class Instance implements AutoCloseable {
        private final ArticleConsumerLoop loop;
        private final Set<TopicPartition> committedPartitions = ConcurrentHashMap.newKeySet();
        private volatile CountDownLatch stallReached;
        private volatile CountDownLatch stallRelease;
        private volatile boolean crashNext;

        private Instance(ArticleConsumerLoop loop) {
            this.loop = loop;
            loop.beforeOffsetCommit(offsets -> {
                if (crashNext) {
                    crashNext = false;
                    throw new SimulatedCrash();
                }
                CountDownLatch reached = stallReached;
                CountDownLatch release = stallRelease;
                if (reached != null) {
                    stallReached = null;
                    reached.countDown();
                    await(release);
                }
                committedPartitions.addAll(offsets.keySet());
            });
        }

        public Instance start() {
            loop.start();
            return this;
        }

        /** The next batch is applied to the database, then the consumer dies before committing its offsets. */
        public void crashBeforeNextOffsetCommit() {
            crashNext = true;
        }

        /**
         * The next batch is applied to the database, then the consumer waits, before committing its
         * offsets, until {@code release} opens; {@code reached} opens when it starts waiting.
         */
        public void stallBeforeNextOffsetCommit(CountDownLatch reached, CountDownLatch release) {
            stallRelease = release;
            stallReached = reached;
        }

        public ArticleConsumer.State state() {
            return loop.state();
        }

        public Set<TopicPartition> assignment() {
            return loop.assignment();
        }

        /** The partitions this instance committed offsets for (or tried to), i.e. applied records of. */
        public Set<TopicPartition> committedPartitions() {
            return Set.copyOf(committedPartitions);
        }

        @Override
        public void close() {
            loop.stop(Duration.ofSeconds(30));
        }

        private static void await(CountDownLatch latch) {
            try {
                if (!latch.await(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("stalled consumer never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
