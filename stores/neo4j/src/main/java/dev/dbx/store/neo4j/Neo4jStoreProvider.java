package dev.dbx.store.neo4j;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import dev.dbx.core.store.StoreProvider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * Neo4j over Bolt with the official Java driver: {@code bolt://} for one server, {@code neo4j://} for routing (a
 * cluster), each with {@code +s} (TLS, certificates checked) or {@code +ssc} (TLS, any certificate). User and password
 * come from the URI (none: no authentication), the database from its path (none: the server's default).
 */
public final class Neo4jStoreProvider implements StoreProvider {
    /**
     * The driver logs through {@link System.Logger} (java.util.logging unless configured otherwise), and at INFO it
     * announces every driver it creates and closes: keep its warnings, not that. Held here because java.util.logging
     * keeps loggers only weakly, and a collected logger forgets its level.
     */
    private static final Logger DRIVER_LOG = quietDriverLog();

    @Override
    public String id() {
        return "neo4j";
    }

    @Override
    public List<String> schemes() {
        return List.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");
    }

    @Override
    public String uriExample() {
        return BoltTarget.EXAMPLE;
    }

    @Override
    public Store open(StoreConfig config) {
        BoltTarget target = BoltTarget.parse(config.uri());
        Driver driver;
        try {
            driver = GraphDatabase.driver(
                    target.driverUri(),
                    target.authToken(),
                    ClientSettings.of(config.timeout(), config.poolSize(ClientSettings.DEFAULT_POOL_SIZE)));
        } catch (IllegalArgumentException e) {
            // the driver's own checks of the URI (e.g. a routing context on bolt://)
            throw new DbxException(
                    "cannot use '" + Uris.redact(config.uri()) + "': " + target.withoutPassword(e.getMessage()),
                    "expected something like " + BoltTarget.EXAMPLE);
        }
        Bolt bolt = new Bolt(driver, target, config.timeout());
        try {
            // a handshake and login now, so a dead server or bad credentials fail here, within the timeout
            bolt.verifyConnectivity();
        } catch (RuntimeException e) {
            bolt.close();
            throw e;
        }
        return new Neo4jStore(config, bolt);
    }

    private static Logger quietDriverLog() {
        Logger log = Logger.getLogger("org.neo4j.driver");
        if (log.getLevel() == null) {
            log.setLevel(Level.WARNING);
        }
        return log;
    }
}
