package dev.dbx.workloads.search;

import dev.dbx.core.DbxException;
import dev.dbx.core.query.search.SearchQuery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** dbx's fixed full-text query set, read from {@code queries.txt} beside this class (documented there). */
public final class SearchQueries {
    /** Every query, in order. */
    public static final List<SearchQuery> ALL = load();

    private SearchQueries() {}

    public static SearchQuery named(String name) {
        return ALL.stream()
                .filter(q -> q.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new DbxException(
                        "the search suite has no query " + name,
                        "use one of "
                                + String.join(
                                        ", ",
                                        ALL.stream().map(SearchQuery::name).toList())));
    }

    private static List<SearchQuery> load() {
        try (InputStream in = SearchQueries.class.getResourceAsStream("queries.txt")) {
            if (in == null) {
                throw new DbxException("missing resource queries.txt beside " + SearchQueries.class.getName());
            }
            List<SearchQuery> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 3) {
                    throw new DbxException("queries.txt: not 'name<TAB>kind<TAB>words': " + line);
                }
                out.add(new SearchQuery(
                        f[0],
                        SearchQuery.Kind.valueOf(f[1].toUpperCase(Locale.ROOT)),
                        Arrays.asList(f[2].strip().split(" +"))));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
