package org.toxwatch.benchmark;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.toxwatch.benchmark.load.AssessmentFeed;
import org.toxwatch.benchmark.load.ConsumerGroupProgress;
import org.toxwatch.benchmark.reference.BareConsumer;
import org.toxwatch.benchmark.reference.ReferenceProcess;
import org.toxwatch.infrastructure.FreePorts;
import org.toxwatch.launcher.ServiceKind;
import org.toxwatch.launcher.ServiceProcess;
import org.toxwatch.model.Topics;

/**
 * Alerting draining N assessments against a bare consumer reading the same N: each is waiting with its partitions
 * assigned, the assessments are sent as fast as the broker takes them, and the clock runs from the first send until
 * the bare group has committed them all, or alerting has stored them all in its timeline (every resulting episode
 * change is written before its assessment is acknowledged). Each side first drains the plan's warm-up batches, for
 * patients of their own, unmeasured, in the same process.
 */
final class AlertingStage {

    static final String BARE_TOPIC = "benchmark.bare-assessments.v1";
    private static final String BARE_GROUP = "reference-bare";
    private static final String ALERTING_GROUP = "alerting.assessment-reader";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** Assessments per second. */
    record Round(double bare, double alerting) {}

    private final BenchmarkPlan plan;
    private final Path home;
    private final Sitting.Credentials credentials;

    AlertingStage(BenchmarkPlan plan, Path home, Sitting.Credentials credentials) {
        this.plan = plan;
        this.home = home;
        this.credentials = credentials;
    }

    Round run(Path directory) throws Exception {
        try (var sitting = Sitting.open(directory, credentials, BARE_TOPIC)) {
            String bootstrap = sitting.bootstrapServers();
            double bare;
            try (var reference = ReferenceProcess.start(
                    BareConsumer.class,
                    sitting.logs().resolve("bare-consumer.log"),
                    bootstrap,
                    BARE_TOPIC,
                    BARE_GROUP)) {
                ConsumerGroupProgress.awaitAssigned(bootstrap, BARE_GROUP, TIMEOUT);
                for (int w = 1; w <= plan.warmUpAssessmentBatches(); w++) {
                    bareDrain(bootstrap, "WARM" + w);
                }
                bare = bareDrain(bootstrap, AssessmentFeed.MEASURED);
                reference.assertAlive();
            }
            System.out.printf("  bare consumer: %.0f assessments/s%n", bare);
            double alerting;
            try (var service = ServiceProcess.start(
                            home,
                            ServiceKind.ALERTING,
                            FreePorts.pick(),
                            sitting.serviceEnvironment(ServiceKind.ALERTING),
                            sitting.logs());
                    var mongo = MongoClients.create(sitting.mongo.connectionString())) {
                service.awaitReady(Duration.ofMinutes(2));
                ConsumerGroupProgress.awaitAssigned(bootstrap, ALERTING_GROUP, TIMEOUT);
                var timeline = mongo.getDatabase("toxwatch").getCollection("assessments");
                for (int w = 1; w <= plan.warmUpAssessmentBatches(); w++) {
                    alertingDrain(bootstrap, "WARM" + w, timeline, service);
                }
                alerting = alertingDrain(bootstrap, AssessmentFeed.MEASURED, timeline, service);
            }
            System.out.printf("  ToxWatch alerting: %.0f assessments/s%n", alerting);
            return new Round(bare, alerting);
        }
    }

    /** Sends one batch for {@code cohort} to the bare consumer; returns assessments/s until it committed them all. */
    private double bareDrain(String bootstrap, String cohort) throws Exception {
        long started = System.nanoTime();
        AssessmentFeed.publish(bootstrap, BARE_TOPIC, cohort, plan.assessments(), plan.assessmentPatients());
        try (var progress = ConsumerGroupProgress.upToNow(bootstrap, List.of(BARE_TOPIC))) {
            progress.awaitDrained(BARE_GROUP, TIMEOUT);
        }
        return plan.assessments() / ((System.nanoTime() - started) / 1e9);
    }

    /**
     * Sends one batch for {@code cohort} to alerting; returns assessments/s until its timeline holds them all (the
     * timeline already holds those of the batches before).
     */
    private double alertingDrain(
            String bootstrap, String cohort, MongoCollection<Document> timeline, ServiceProcess service)
            throws Exception {
        // The count command, which the embedded store answers from the collection's size. A filtered count
        // (countDocuments) is an aggregation there that reads every stored assessment, fifty times a second, in the
        // very store alerting writes to.
        long goal = timeline.estimatedDocumentCount() + plan.assessments();
        long started = System.nanoTime();
        AssessmentFeed.publish(bootstrap, Topics.ASSESSMENTS, cohort, plan.assessments(), plan.assessmentPatients());
        long deadline = started + TIMEOUT.toNanos();
        while (timeline.estimatedDocumentCount() < goal) {
            if (System.nanoTime() > deadline || !service.isAlive()) {
                throw new IllegalStateException("alerting stored " + timeline.estimatedDocumentCount() + " of " + goal
                        + " assessments; see " + service.logFile());
            }
            Thread.sleep(20); // a probe, not a test
        }
        return plan.assessments() / ((System.nanoTime() - started) / 1e9);
    }
}
