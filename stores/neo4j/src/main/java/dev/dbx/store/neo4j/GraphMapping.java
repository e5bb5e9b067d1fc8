package dev.dbx.store.neo4j;

import dev.dbx.core.DbxException;
import dev.dbx.core.Identifiers;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.Entity;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where each entity of a dataset lives in the graph, read from {@code schema/<dataset>/graph.properties}: as nodes of
 * a label (one per row) or as relationships of a type (one per row). Labels and types are checked identifiers, since
 * the statements that count and delete an entity name them.
 */
final class GraphMapping {
    /**
     * The label a node carries, beside its entity's, while it is no row but only a key something links to: a row that
     * arrived before the row it references, or a deleted row still referenced (see {@code sink/}). Scans, counts and
     * lookups leave placeholders out.
     */
    static final String PLACEHOLDER = "Placeholder";

    enum Kind {
        NODE,
        RELATIONSHIP
    }

    /** One entity's place in the graph. */
    record Element(Entity entity, Kind kind, String name) {
        /** The pattern that matches every element as {@code x}: {@code (x:Label)} or {@code ()-[x:TYPE]->()}. */
        String pattern() {
            return kind == Kind.NODE ? "(x:" + name + ")" : "()-[x:" + name + "]->()";
        }
    }

    private final Dataset dataset;
    private final Map<String, Element> elements;

    private GraphMapping(Dataset dataset, Map<String, Element> elements) {
        this.dataset = dataset;
        this.elements = elements;
    }

    static GraphMapping load(Dataset dataset) {
        String path = dataset.name() + "/graph.properties";
        return parse(dataset, CypherResources.required(path), path);
    }

    static GraphMapping parse(Dataset dataset, String text, String source) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Element> elements = new LinkedHashMap<>();
        for (Entity entity : dataset.entities()) {
            String value = properties.getProperty(entity.name());
            if (value == null) {
                throw new DbxException(source + " does not say where entity " + entity.name() + " lives");
            }
            String[] parts = value.strip().split("\\s+");
            if (parts.length != 2) {
                throw new DbxException(source + ": '" + entity.name() + " = " + value
                        + "' should be 'node <Label>' or 'relationship <TYPE>'");
            }
            Kind kind = switch (parts[0]) {
                case "node" -> Kind.NODE;
                case "relationship" -> Kind.RELATIONSHIP;
                default -> throw new DbxException(source + ": '" + parts[0] + "' is neither node nor relationship");
            };
            elements.put(entity.name(), new Element(entity, kind, Identifiers.require("label or type", parts[1])));
        }
        for (String name : properties.stringPropertyNames()) {
            if (!elements.containsKey(name)) {
                throw new DbxException(source + " names '" + name + "', which dataset " + dataset.name() + " lacks");
            }
        }
        return new GraphMapping(dataset, elements);
    }

    Dataset dataset() {
        return dataset;
    }

    Element element(Entity entity) {
        Element element = elements.get(entity.name());
        if (element == null) {
            throw new DbxException("dataset " + dataset.name() + " has no entity '" + entity.name() + "'");
        }
        return element;
    }

    /** Entities in the dataset's load order. */
    List<Element> elements() {
        return List.copyOf(elements.values());
    }

    List<Element> nodes() {
        return elements.values().stream().filter(e -> e.kind() == Kind.NODE).toList();
    }

    List<Element> relationships() {
        return elements.values().stream()
                .filter(e -> e.kind() == Kind.RELATIONSHIP)
                .toList();
    }
}
