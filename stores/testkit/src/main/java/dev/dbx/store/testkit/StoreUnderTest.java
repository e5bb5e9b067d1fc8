package dev.dbx.store.testkit;

import dev.dbx.core.store.Store;
import java.net.URI;

/** What a capability's contract needs of the test class running it: the store, open on a real server with TPC-H. */
public interface StoreUnderTest {
    /** The store under test, e.g. "postgres". */
    String storeId();

    Store store();

    /** Where the server is, for tests that reach it with the engine's own client. */
    URI uri();

    /** The TPC-H scale factor loaded. */
    double scale();
}
