package dev.dbx.app.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A table of plain text, as every report format shows it: the HTML page and the Markdown render the same tables, each
 * escaping the cells its own way. A null cell is a figure that does not exist (shown as "–").
 */
final class Table {
    static final String ABSENT = "–";

    private final String name;
    private final String title;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param name a short name for the kind of table ("results"), for anchors and tests
     * @param title what the table shows, as its caption
     */
    Table(String name, String title, String... headers) {
        this.name = name;
        this.title = title;
        this.headers = List.of(headers);
    }

    Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        rows.add(Collections.unmodifiableList(Arrays.asList(cells)));
        return this;
    }

    String name() {
        return name;
    }

    String title() {
        return title;
    }

    List<String> headers() {
        return headers;
    }

    List<List<String>> rows() {
        return Collections.unmodifiableList(rows);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    static String cell(String text) {
        return text == null ? ABSENT : text;
    }
}
