package nl.koppelpunt.hub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The published contract examples, read from the schemas module's classpath; tests post these. */
public final class Voorbeelden {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Voorbeelden() {
    }

    /** The seed's klantprofiel (BSN 123456782), transcribed to JSON. */
    public static byte[] seedKlantprofiel() {
        return bytes("koppelpunt/contracts/v1/examples/klantprofiel/valid/seed-klantprofiel.json");
    }

    public static ObjectNode seedKlantprofielJson() {
        return json(seedKlantprofiel());
    }

    public static ObjectNode json(byte[] bytes) {
        try {
            return (ObjectNode) MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = Voorbeelden.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing example " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
