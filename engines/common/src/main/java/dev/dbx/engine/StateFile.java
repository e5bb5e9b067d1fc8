package dev.dbx.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code dbx up} left behind about a running engine, in {@code <home>/engine.json}: enough for a later
 * {@code dbx status} or {@code dbx down} (another process) to find it. Present while the engine should be running;
 * removed by a clean stop, so a file whose process is gone means the engine crashed.
 */
record StateFile(String engine, long pid, Instant processStart, List<Integer> ports, String uri, Instant launchedAt) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    static Path path(Path home) {
        return home.resolve("engine.json");
    }

    static Optional<StateFile> read(Path home) {
        Path file = path(home);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), StateFile.class));
        } catch (IOException e) {
            // A torn or foreign file: treat as absent rather than failing every command.
            return Optional.empty();
        }
    }

    void write(Path home) throws IOException {
        Path tmp = PrivateFiles.createFile(home.resolve("engine.json.tmp"));
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, path(home), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void delete(Path home) throws IOException {
        Files.deleteIfExists(path(home));
    }
}
