package dev.dbx.store.mongo;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * A checker for the part of MongoDB's {@code $jsonSchema} the model's validators use, so that tests can prove the
 * validators accept every document the model writes and refuse malformed ones, on a server that ignores validators
 * (mongo-java-server). A keyword it does not know fails the test rather than being skipped.
 */
final class JsonSchemaSubset {
    private static final Set<String> KEYWORDS =
            Set.of("bsonType", "required", "properties", "items", "title", "description", "anyOf", "maxProperties");

    private JsonSchemaSubset() {}

    /** What is wrong with {@code value} under {@code schema} (empty when it passes). */
    static List<String> violations(Document schema, Object value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "$", out);
        return out;
    }

    private static void check(Document schema, Object value, String path, List<String> out) {
        for (String keyword : schema.keySet()) {
            if (!KEYWORDS.contains(keyword)) {
                throw new IllegalArgumentException("the test's $jsonSchema checker does not know '" + keyword + "'");
            }
        }
        Object type = schema.get("bsonType");
        if (type != null) {
            List<?> allowed = type instanceof List<?> l ? l : List.of(type);
            String actual = bsonType(value);
            if (!allowed.contains(actual)) {
                out.add(path + " is " + actual + ", not " + allowed);
                return;
            }
        }
        if (value instanceof Document doc) {
            if (schema.get("maxProperties") instanceof Number max && doc.size() > max.intValue()) {
                out.add(path + " has " + doc.size() + " fields, more than " + max);
            }
            List<Document> anyOf = schema.getList("anyOf", Document.class, List.of());
            if (!anyOf.isEmpty()
                    && anyOf.stream().noneMatch(s -> violations(s, doc).isEmpty())) {
                out.add(path + " matches none of anyOf: "
                        + anyOf.stream().map(s -> violations(s, doc).toString()).toList());
            }
            for (String field : schema.getList("required", String.class, List.of())) {
                if (!doc.containsKey(field)) {
                    out.add(path + "." + field + " is missing");
                }
            }
            Document properties = schema.get("properties", Document.class);
            if (properties != null) {
                for (String field : properties.keySet()) {
                    if (doc.containsKey(field)) {
                        check(properties.get(field, Document.class), doc.get(field), path + "." + field, out);
                    }
                }
            }
        }
        if (value instanceof List<?> list && schema.get("items") instanceof Document items) {
            for (int i = 0; i < list.size(); i++) {
                check(items, list.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static String bsonType(Object value) {
        if (value == null) {
            return "null";
        }
        return switch (value) {
            case Long l -> "long";
            case Integer i -> "int";
            case Double d -> "double";
            case Decimal128 d -> "decimal";
            case String s -> "string";
            case Boolean b -> "bool";
            case Date d -> "date";
            case Document d -> "object";
            case List<?> l -> "array";
            default -> value.getClass().getSimpleName();
        };
    }
}
