package dev.dbx.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.config.ConfigLoader;
import dev.dbx.core.config.DbxConfig;
import dev.dbx.core.store.Placement;
import dev.dbx.core.store.Store;
import dev.dbx.engine.EngineStatus;
import dev.dbx.engine.Ports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the lab tells a store about where it runs, so a benchmark can measure it without the CLI: a local engine's PID,
 * dbx's own for an embedded store, nothing for an external server; and the pool size the settings ask for.
 */
class LabIT {
    @TempDir
    Path dir;

    @Test
    void storesKnowWhereTheyRunAndWhichProcessServesThem() {
        int port = Ports.freeRange(1);
        DbxConfig config = ConfigLoader.load(
                new ConfigLoader.Overrides(
                        null, dir.resolve("data"), Map.of(), Map.of("redis", port), null, Map.of("sqlite", 3)),
                Map.of());
        Lab lab = new Lab(config);
        List<EngineEvent> events = new ArrayList<>();
        EngineControl engines = new EngineControl(lab, events::add);
        try {
            EngineControl.UpResult up = engines.up(Set.of("redis", "sqlite"), true);
            EngineStatus redis = up.statuses().stream()
                    .filter(s -> s.name().equals("redis"))
                    .findFirst()
                    .orElseThrow();
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(EngineEvent.Starting.class));
            assertThat(events)
                    .anySatisfy(e -> assertThat(e)
                            .isInstanceOfSatisfying(
                                    EngineEvent.Ready.class,
                                    r -> assertThat(r.status().name()).isEqualTo("redis")));

            try (Store store = lab.open(lab.store("redis"))) {
                assertThat(store.placement()).isEqualTo(Placement.LOCAL_ENGINE);
                assertThat(store.resources().pid()).hasValue(redis.pid());
            }
            try (Store store = lab.open(lab.store("sqlite"))) {
                assertThat(store.placement()).isEqualTo(Placement.EMBEDDED);
                assertThat(store.resources().pid())
                        .hasValue(ProcessHandle.current().pid());
                assertThat(store.config().poolSize()).isEqualTo(3);
            }
            // the same server reached by URI is an external one: dbx did not start it, so it measures no process
            Lab external = new Lab(ConfigLoader.load(
                    new ConfigLoader.Overrides(
                            null,
                            dir.resolve("other"),
                            Map.of("redis", redis.uri().toString()),
                            Map.of(),
                            null),
                    Map.of()));
            try (Store store = external.open(external.store("redis"))) {
                assertThat(store.placement()).isEqualTo(Placement.EXTERNAL);
                assertThat(store.resources().pid()).isEmpty();
                assertThat(store.identity().product()).isEqualTo("Redis");
            }
        } finally {
            engines.down(Set.of("redis", "sqlite"), true);
        }
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(EngineEvent.Stopped.class));
    }
}
