package nl.koppelpunt.hub.bezorging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Message;

/**
 * The content of a delivered file (docs/sftp.md, "Delivery over SFTP"): the message exactly as a webhook receives it
 * in its body, wrapped with what a webhook receives in headers.
 * <pre>
 * {"bezorgingId": "…", "berichttype": "klantprofiel", "berichtId": "…", "profielversie": 3,
 *  "traceparent": "00-…-…-01", "bericht": { … }}
 * </pre>
 * {@code bezorgingId} is the idempotency key (the webhook's {@code Idempotency-Key}); {@code profielversie} only for a
 * klantprofiel. The message bytes are copied into the stream as they are — not parsed and written again — so the file
 * costs no second copy of the message in memory.
 */
final class SftpEnvelop {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] BERICHT = ",\"bericht\":".getBytes(StandardCharsets.US_ASCII);

    private SftpEnvelop() {
    }

    /** Writes the envelope of the prepared delivery (headers and body as BezorgVoorbereiding made them). */
    static void schrijf(Message bezorging, OutputStream uit) throws IOException {
        Map<String, Object> velden = new LinkedHashMap<>();
        velden.put("bezorgingId", verplicht(bezorging, "Idempotency-Key"));
        velden.put("berichttype", verplicht(bezorging, "Koppelpunt-Berichttype"));
        velden.put("berichtId", verplicht(bezorging, "Koppelpunt-Bericht-Id"));
        String versie = bezorging.getHeader("Koppelpunt-Profielversie", String.class);
        if (versie != null) {
            velden.put("profielversie", Integer.valueOf(versie));
        }
        velden.put("traceparent", verplicht(bezorging, Bezorger.TRACEPARENT));
        byte[] kop = JSON.writeValueAsBytes(velden);
        // The metadata object without its closing brace, then the message as the last field.
        uit.write(Arrays.copyOf(kop, kop.length - 1));
        uit.write(BERICHT);
        uit.write(bezorging.getBody(byte[].class));
        uit.write('}');
        uit.write('\n');
    }

    /** The file name: from the delivery id, so every attempt and replay of one delivery writes the same file. */
    static String bestandsnaam(Message bezorging) {
        return verplicht(bezorging, "Koppelpunt-Berichttype") + "." + verplicht(bezorging, "Idempotency-Key") + ".json.gpg";
    }

    private static String verplicht(Message bezorging, String naam) {
        String waarde = bezorging.getHeader(naam, String.class);
        if (waarde == null) {
            throw new IllegalStateException("sftp delivery without " + naam + "; not sent");
        }
        return waarde;
    }
}
