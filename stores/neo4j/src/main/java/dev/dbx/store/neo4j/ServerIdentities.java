package dev.dbx.store.neo4j;

import dev.dbx.core.DbxException;
import dev.dbx.core.store.ServerIdentity;
import java.util.List;
import org.neo4j.driver.Record;

/** The identity in {@code dbms.components()}'s answer, in the same form the local engine reports it. */
final class ServerIdentities {
    private ServerIdentities() {}

    /** The kernel's version with its edition, e.g. "2026.08.1 (community)". */
    static ServerIdentity of(List<Record> components) {
        Record kernel = components.stream()
                .filter(r -> r.get("name").asString().equals("Neo4j Kernel"))
                .findFirst()
                .orElseThrow(() -> new DbxException("dbms.components() did not report the Neo4j Kernel"));
        List<String> versions = kernel.get("versions").asList(v -> v.asString());
        if (versions.isEmpty()) {
            throw new DbxException("dbms.components() reported no version of the Neo4j Kernel");
        }
        return new ServerIdentity(
                "Neo4j", versions.get(0) + " (" + kernel.get("edition").asString() + ")");
    }
}
