package io.blockwise.scenario;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * Validates scenario texts against a JSON Schema with a real validator (networknt
 * json-schema-validator, draft 2020-12). Scenario files may have comments (JSON) or be YAML, which
 * the validator does not read; both are turned into plain JSON with Jackson 2 first, numbers kept
 * exactly as written.
 */
final class SchemaValidation {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private final Schema schema;

    SchemaValidation(String schemaText) {
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schemaText, InputFormat.JSON);
    }

    /** The validator's messages for {@code text}; empty when it is valid. */
    List<String> errors(String text, boolean yaml) {
        String json;
        try {
            JsonNode tree = (yaml ? YAML : JSON).readTree(text);
            json = JSON.writeValueAsString(tree);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JSON or YAML document: " + e.getMessage(), e);
        }
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
