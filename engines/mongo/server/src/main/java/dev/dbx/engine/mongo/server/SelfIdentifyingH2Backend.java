package dev.dbx.engine.mongo.server;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The H2 backend, with one addition: its {@code serverStatus} reply also says which mongo-java-server answers, as
 * {@code mongoJavaServer: {version: "1.47.0", backend: "h2"}}. The library itself only reports the MongoDB version it
 * emulates ({@code version: "5.0.0"}), which alone would pass for a real MongoDB. The field is additive; drivers
 * ignore it. (serverStatus rather than buildInfo: overriding the command handler would need Netty's {@code Channel}
 * at compile time, which the library only brings at runtime.)
 */
final class SelfIdentifyingH2Backend extends H2Backend {
    private static final String IDENTITY_FIELD = "mongoJavaServer";
    private static final Pattern CORE_JAR = Pattern.compile("mongo-java-server-core-(.+)\\.jar");

    private final Optional<String> libraryVersion = findLibraryVersion();

    SelfIdentifyingH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document getServerStatus() {
        Document status = super.getServerStatus();
        Document identity = new Document();
        libraryVersion.ifPresent(v -> identity.put("version", v));
        identity.put("backend", "h2");
        status.put(IDENTITY_FIELD, identity);
        return status;
    }

    Optional<String> libraryVersion() {
        return libraryVersion;
    }

    /**
     * The version of the library that runs, from the name of the jar it was loaded from (the jars carry no version in
     * their manifest).
     */
    private static Optional<String> findLibraryVersion() {
        CodeSource source =
                H2Backend.class.getSuperclass().getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            String jar = Path.of(source.getLocation().toURI()).getFileName().toString();
            Matcher m = CORE_JAR.matcher(jar);
            return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
