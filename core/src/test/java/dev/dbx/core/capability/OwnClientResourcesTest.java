package dev.dbx.core.capability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.capability.ServerResources.Reading;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OwnClientResourcesTest {
    private static final Duration RETRY = Duration.ofSeconds(30);
    private static final Reading FIGURES = new Reading(1_000L, 2_000L);

    private final AtomicLong now = new AtomicLong(123_456_789L);
    private final AtomicInteger closes = new AtomicInteger();
    private final AtomicInteger connects = new AtomicInteger();
    private volatile boolean connectFails;
    private volatile boolean readFails;

    private final OwnClientResources<AutoCloseable> resources = new OwnClientResources<>(RETRY, now::get) {
        @Override
        public String source() {
            return "test";
        }

        @Override
        protected AutoCloseable connect() {
            connects.incrementAndGet();
            if (connectFails) {
                throw new IllegalStateException("refused");
            }
            return closes::incrementAndGet;
        }

        @Override
        protected Reading read(AutoCloseable client) {
            if (readFails) {
                throw new IllegalStateException("timed out");
            }
            return FIGURES;
        }
    };

    @Test
    void connectsAtTheFirstReadingOnlyAndKeepsTheClient() {
        assertThat(connects).hasValue(0);
        assertThat(resources.read()).isEqualTo(FIGURES);
        assertThat(resources.read()).isEqualTo(FIGURES);
        assertThat(connects).hasValue(1);
        assertThat(closes).hasValue(0);
    }

    @Test
    void aFailedConnectGivesNoFiguresAndIsNotTriedAgainBeforeTheRetryPeriod() {
        connectFails = true;
        assertThat(resources.read()).isEqualTo(Reading.NONE);
        assertThat(connects).hasValue(1);

        connectFails = false;
        now.addAndGet(RETRY.toNanos() - 1);
        assertThat(resources.read()).isEqualTo(Reading.NONE);
        assertThat(connects).as("not tried again within the period").hasValue(1);

        now.addAndGet(1);
        assertThat(resources.read()).isEqualTo(FIGURES);
        assertThat(connects).as("tried again once the period is over").hasValue(2);
    }

    @Test
    void aFailedReadingGivesNoFiguresAndTheClientIsAskedAgainNextTime() {
        readFails = true;
        assertThat(resources.read()).isEqualTo(Reading.NONE);
        readFails = false;
        assertThat(resources.read()).isEqualTo(FIGURES);
        assertThat(connects).hasValue(1);
        assertThat(closes).hasValue(0);
    }

    @Test
    void afterCloseNoFiguresAndTheClientIsClosedOnce() {
        assertThat(resources.read()).isEqualTo(FIGURES);
        resources.close();
        resources.close();
        assertThat(closes).hasValue(1);
        assertThat(resources.read()).isEqualTo(Reading.NONE);
        assertThat(connects).as("no client made after close").hasValue(1);
        assertThat(closes).hasValue(1);
    }

    @Test
    void closingBeforeAnyReadingMakesNoClient() {
        resources.close();
        assertThat(resources.read()).isEqualTo(Reading.NONE);
        assertThat(connects).hasValue(0);
        assertThat(closes).hasValue(0);
    }

    @Test
    void aReadingsClientTimeoutIsTheStoresWhereShorter() {
        assertThat(ServerResources.timeout(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(200));
        assertThat(ServerResources.timeout(Duration.ofSeconds(30))).isEqualTo(ServerResources.TIMEOUT);
    }
}
