package dev.dbx.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.Test;

/** The probe's table of metadata versions agrees with Kafka's own, for the release dbx runs. */
class MetadataVersionsTest {
    @Test
    void everyLevelHasKafkasName() {
        for (int level = MetadataVersions.firstLevel(); level <= MetadataVersions.lastLevel(); level++) {
            String kafkas = MetadataVersion.fromFeatureLevel((short) level).version();
            assertThat(MetadataVersions.name(level)).as("level %d", level).contains(kafkas);
        }
    }

    @Test
    void theTableReachesTheLatestLevelKafkaKnows() {
        assertThat(MetadataVersions.lastLevel())
                .isGreaterThanOrEqualTo(MetadataVersion.latestTesting().featureLevel());
    }

    @Test
    void theLatestProductionLevelNamesTheRelease() {
        MetadataVersion production = MetadataVersion.latestProduction();
        assertThat(MetadataVersions.name(production.featureLevel()).map(MetadataVersions::release))
                .contains(production.shortVersion());
    }

    @Test
    void anUnknownLevelHasNoName() {
        assertThat(MetadataVersions.name(MetadataVersions.lastLevel() + 1)).isEmpty();
        assertThat(MetadataVersions.name(1)).isEmpty();
    }
}
