package dev.dbx.engine.neo4j.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.server.security.FormatException;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;

/**
 * The DBMS's one user, {@code dbx}, with the lab's secret as its password (no change required). Neo4j Community has
 * users but no roles: every user may do everything, so {@code dbx} is the only one; any other user (the default
 * {@code neo4j}, or one added while an older dbx ran Neo4j without authentication) is dropped.
 *
 * <p>A file {@code dbx-auth} in the Neo4j home records that the DBMS has been set up this way; a home with databases but
 * without it comes from an older dbx.
 */
final class LabUser {
    static final String NAME = "dbx";
    static final String MARKER = "dbx-auth";

    /** The label and properties of a user in the system graph, for checking a password without logging in. */
    private static final Label USER_LABEL = Label.label("User");

    private final Path home;
    private final String secret;

    LabUser(Path home, String secret) {
        this.home = home;
        this.secret = secret;
    }

    /** Whether the home has a DBMS that was set up before dbx turned authentication on. */
    boolean homeFromBeforeAuthentication() {
        return Files.isDirectory(home.resolve("data").resolve("databases").resolve("system"))
                && !Files.exists(home.resolve(MARKER));
    }

    /** Makes {@code dbx} exist with the secret as its password and drops every other user; changes only what differs. */
    void setUp(DatabaseManagementService dbms) throws IOException {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        Map<String, Boolean> users =
                system.executeTransactionally("SHOW USERS YIELD user, passwordChangeRequired", Map.of(), result -> {
                    Map<String, Boolean> all = new LinkedHashMap<>();
                    result.forEachRemaining(
                            row -> all.put((String) row.get("user"), (Boolean) row.get("passwordChangeRequired")));
                    return all;
                });
        Map<String, Object> params = Map.of("name", NAME, "password", secret);
        if (!users.containsKey(NAME)) {
            system.executeTransactionally(
                    "CREATE USER $name SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", params);
            System.out.println("dbx: created user " + NAME);
        } else if (!passwordMatches(system)) {
            system.executeTransactionally(
                    "ALTER USER $name SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", params);
            System.out.println("dbx: set the password of user " + NAME + " to the lab's secret");
        } else if (users.get(NAME)) {
            system.executeTransactionally("ALTER USER $name SET PASSWORD CHANGE NOT REQUIRED", Map.of("name", NAME));
        }
        for (String other : List.copyOf(users.keySet())) {
            if (!other.equals(NAME)) {
                system.executeTransactionally("DROP USER $name", Map.of("name", other));
                System.out.println("dbx: dropped user " + other + " (" + NAME + " is the only user)");
            }
        }
        Path marker = home.resolve(MARKER);
        if (!Files.exists(marker)) {
            Files.writeString(
                    Files.createFile(
                            marker, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    "authentication on; " + NAME + " is the only user (set up by dbx)\n",
                    StandardCharsets.UTF_8);
        }
    }

    /** Whether {@code dbx}'s stored credential matches the secret (read from the system graph: no login attempt). */
    private boolean passwordMatches(GraphDatabaseService system) {
        try (Transaction tx = system.beginTx()) {
            Node user = tx.findNode(USER_LABEL, "name", NAME);
            if (user == null || !(user.getProperty("credentials", null) instanceof String credentials)) {
                return false;
            }
            return SystemGraphCredential.deserialize(credentials, new SecureHasher())
                    .matchesPassword(secret.getBytes(StandardCharsets.UTF_8));
        } catch (FormatException e) {
            return false;
        }
    }
}
