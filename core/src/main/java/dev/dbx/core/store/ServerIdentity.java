package dev.dbx.core.store;

/**
 * Who answered: the product and version as reported by the server itself (never taken from a client library or a
 * configuration file).
 *
 * @param product the server product, e.g. "PostgreSQL", "OpenSearch", "mongo-java-server (MongoDB wire-compatible)"
 * @param version the version string the server reported
 */
public record ServerIdentity(String product, String version) {
    @Override
    public String toString() {
        return product + " " + version;
    }
}
