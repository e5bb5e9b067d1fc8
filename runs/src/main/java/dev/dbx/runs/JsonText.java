package dev.dbx.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;

/** The run store's JSON columns: maps and lists as compact JSON text, keys sorted (one text for one value). */
final class JsonText {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private JsonText() {}

    static String of(Object mapOrList) {
        try {
            return MAPPER.writeValueAsString(mapOrList);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }

    static Map<String, String> strings(String json) {
        return read(json, new TypeReference<Map<String, String>>() {});
    }

    static Map<String, Long> counts(String json) {
        return read(json, new TypeReference<Map<String, Long>>() {});
    }

    static List<String> list(String json) {
        return read(json, new TypeReference<List<String>>() {});
    }

    static List<Double> numbers(String json) {
        return read(json, new TypeReference<List<Double>>() {});
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new dev.dbx.core.DbxException(
                    "the run store holds a damaged JSON column: " + e.getOriginalMessage(),
                    "was runs.sqlite edited by hand? the run cannot be read back whole");
        }
    }
}
