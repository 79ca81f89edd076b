package org.openler.platform.registry;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CTDL JSON Schemas (draft-04) that Credential Engine's registry validates published resources with, from
 * openler-data. The schema for a document is picked as the registry picks it: by its {@code @type}, through the
 * {@code resource_type.values_map} of the {@code ce_registry} community config.
 */
public final class CtdlSchemas {

    private static final String BASE = "/org/openler/data/ctdl/fixtures/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> schemaByType;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    /**
     * Draft-04 with {@code format} as an annotation, not an assertion: Credential Engine's registry loads its own seeds
     * through this schema although they carry relative references such as {@code "ceterms:framework": "Delivery"}
     * where the schema says {@code "format": "uri"}; asserting formats would refuse what the registry publishes.
     */
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_4,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(false)
                    .build()));

    public CtdlSchemas() {
        JsonNode config = load(BASE + "configs/ce_registry.json");
        Map<String, String> map = new HashMap<>();
        config.path("resource_type")
                .path("values_map")
                .properties()
                .forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        this.schemaByType = Map.copyOf(map);
    }

    /** What validation found: nothing (valid) or the schema's messages, each with where in the document. */
    public record Outcome(String schema, List<String> errors) {
        public Outcome {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** The schema file name the registry's config names for a CTDL type, e.g. credential for ceterms:MasterDegree. */
    public Optional<String> schemaFor(String type) {
        return Optional.ofNullable(schemaByType.get(type));
    }

    /** Validates a resource against the schema its {@code @type} selects; a type without a schema is an error. */
    public Outcome validate(JsonNode resource) {
        String type = resource.path("@type").isString() ? resource.get("@type").asString() : "";
        Optional<String> name = schemaFor(type)
                .filter(n -> CtdlSchemas.class.getResource(BASE + "schemas/ce_registry/" + n + ".json") != null);
        if (name.isEmpty()) {
            return new Outcome("", List.of("@type: \"" + cut(type) + "\" is not a CTDL type the registry publishes"));
        }
        Schema schema = schemas.computeIfAbsent(name.get(), this::schema);
        List<Error> errors = schema.validate(resource);
        return new Outcome(
                name.get(),
                errors.stream().limit(50).map(e -> cut(e.toString())).toList());
    }

    private Schema schema(String name) {
        String path = BASE + "schemas/ce_registry/" + name + ".json";
        if (CtdlSchemas.class.getResource(path) == null) {
            throw new IllegalStateException("No CTDL schema " + name + " in openler-data");
        }
        return registry.getSchema(load(path));
    }

    private static JsonNode load(String path) {
        try (InputStream in = CtdlSchemas.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference data: " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cut(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
