package nl.koppelpunt.hub.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON parsing for untrusted input, and the canonical fingerprint used to tell an idempotent repeat from a conflict.
 * Parsing is strict: a nesting limit (a deeply nested body is a cheap way to exhaust a parser's stack), duplicate
 * keys refused (two readers could otherwise see two different messages), and nothing after the document.
 */
public final class StrictJson {

    private final ObjectMapper mapper;
    private final int maxNestingDepth;

    public StrictJson(int maxNestingDepth) {
        this.maxNestingDepth = maxNestingDepth;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxNestingDepth).build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    }

    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    public JsonNode parse(byte[] json) throws IOException {
        return mapper.readTree(json);
    }

    /** SHA-256 over the document with object keys sorted, so a re-serialised but equal message is still a repeat. */
    public byte[] fingerprint(JsonNode node) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (JsonGenerator generator = mapper.getFactory()
                    .createGenerator(new DigestOutputStream(java.io.OutputStream.nullOutputStream(), digest))) {
                writeCanonical(generator, node);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeCanonical(JsonGenerator generator, JsonNode node) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            generator.writeStartObject();
            for (String name : names) {
                generator.writeFieldName(name);
                writeCanonical(generator, node.get(name));
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                writeCanonical(generator, element);
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(node);
        }
    }
}
