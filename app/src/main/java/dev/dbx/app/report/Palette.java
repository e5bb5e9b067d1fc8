package dev.dbx.app.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One color per store across the whole page, so a store looks the same in every chart. */
final class Palette {
    // Tableau 10: distinct, and readable by most color-blind readers
    private static final List<String> COLORS = List.of(
            "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
            "#bab0ac");

    private final Map<String, String> colors = new LinkedHashMap<>();

    Palette(List<RunView> runs) {
        runs.forEach(view -> view.stores().forEach(s -> color(s.run().store())));
    }

    String color(String store) {
        return colors.computeIfAbsent(store, s -> COLORS.get(colors.size() % COLORS.size()));
    }
}
