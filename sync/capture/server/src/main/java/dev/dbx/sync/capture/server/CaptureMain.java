package dev.dbx.sync.capture.server;

import dev.dbx.core.Failures;
import dev.dbx.core.dataset.Datasets;
import dev.dbx.core.sync.ChangeEvents;
import dev.dbx.engine.kafka.KafkaClients;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capture process: Debezium's embedded engine following PostgreSQL's WAL (pgoutput) and publishing each row change
 * as a dbx change event to the dataset's Kafka topic, keyed by the target record it lands in. Runs in the foreground
 * until SIGTERM (a clean stop: the engine finishes its batch and stores its offsets) or an error (exit code
 * {@value CaptureFiles#EXIT_FAILED}, with the reason in the log and the status file).
 *
 * <p>Argument: the pipeline's directory, holding {@link CaptureFiles#SETTINGS} and the owner-only
 * {@link CaptureFiles#SECRETS} (read once and deleted: no password on a command line or in a log).
 */
public final class CaptureMain {
    private static final Logger LOG = LoggerFactory.getLogger("dbx.capture");

    private CaptureMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: CaptureMain <pipeline directory>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath().normalize();
        Progress progress = new Progress(home);
        CaptureSettings settings;
        try {
            settings = CaptureSettings.read(home);
        } catch (IOException | RuntimeException e) {
            fail(progress, "cannot read the capture's settings in " + home + ": " + e.getMessage());
            return;
        }
        String topic = ChangeEvents.topic(settings.dataset());
        Properties kafka = KafkaClients.settings(settings.kafka());
        try {
            int partitions = ChangeTopic.ensure(kafka, topic, settings.partitions());
            LOG.info("publishing to topic {} ({} partitions)", topic, partitions);
        } catch (Exception e) {
            fail(progress, "cannot create or read the topic " + topic + ": " + Failures.describe(e));
            return;
        }

        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings(kafka, settings.pipeline()));
        KafkaPublisher publisher = new KafkaPublisher(
                producer,
                topic,
                new RecordTranslator(Datasets.named(settings.dataset()), settings.heartbeatTable()),
                progress,
                e -> fail(
                        progress,
                        "a change could not be published, the capture stops (nothing is skipped; the"
                                + " next start resumes at the last change Kafka acknowledged): "
                                + Failures.describe(e)));

        AtomicReference<String> engineError = new AtomicReference<>();
        DebeziumEngine<RecordChangeEvent<SourceRecord>> engine = DebeziumEngine.create(
                        ChangeEventFormat.of(Connect.class))
                .using(DebeziumSettings.of(settings))
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        progress.state("running");
                        writeQuietly(progress);
                        LOG.info("capture of {} running (slot {})", settings.dataset(), settings.slot());
                    }
                })
                .using((success, message, error) -> {
                    if (!success) {
                        engineError.set(message + (error == null ? "" : ": " + Failures.describe(error)));
                    }
                })
                .notifying(publisher)
                .build();

        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dbx-capture-progress");
            t.setDaemon(true);
            return t;
        });
        reporter.scheduleWithFixedDelay(() -> writeQuietly(progress), 1, 1, TimeUnit.SECONDS);

        Thread main = Thread.currentThread();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            publisher.stopping();
                            try {
                                engine.close();
                                main.join(30_000);
                            } catch (Throwable e) {
                                LOG.warn("the engine did not stop cleanly: {}", Failures.describe(e));
                            }
                            producer.close(java.time.Duration.ofSeconds(10));
                            progress.state("stopped");
                            writeQuietly(progress);
                            LOG.info("capture stopped");
                        },
                        "dbx-capture-shutdown"));

        engine.run();
        if (engineError.get() != null) {
            fail(progress, "the capture engine stopped: " + engineError.get());
        }
    }

    private static Properties producerSettings(Properties kafka, String pipeline) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "dbx-capture-" + pipeline);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    /**
     * Ends the process at once with {@link CaptureFiles#EXIT_FAILED}: halt, not exit, so no shutdown hook stores
     * offsets past the failed batch (what was acknowledged is already stored; the rest comes again on the next start).
     */
    private static void fail(Progress progress, String message) {
        LOG.error("dbx: {}", message);
        System.err.println("dbx: capture failed: " + message);
        System.err.flush();
        progress.failed(message);
        writeQuietly(progress);
        Runtime.getRuntime().halt(CaptureFiles.EXIT_FAILED);
    }

    private static void writeQuietly(Progress progress) {
        try {
            progress.write();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write the capture's status: {}", e.getMessage());
        }
    }
}
