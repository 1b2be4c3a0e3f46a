package nl.koppelpunt.hub.regels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The content of Koppelpunt's own notices, built from the message that caused them. They carry the BSN because the
 * gemeente has to know whom they are about, and nothing more: an ontkoppeling does not say where the person went.
 */
final class Kennisgevingen {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Kennisgevingen() {
    }

    static byte[] intrekking(JsonNode toestemming) {
        ObjectNode notice = JSON.createObjectNode();
        notice.set("burgerservicenummer", toestemming.path("burgerservicenummer"));
        notice.set("gemeentecode", toestemming.path("gemeentecode"));
        notice.set("doel", toestemming.path("doel"));
        notice.set("datum", toestemming.path("datum"));
        return bytes(notice);
    }

    static byte[] ontkoppeling(JsonNode koppeling, String gemeentecode, String reden) {
        ObjectNode notice = JSON.createObjectNode();
        notice.set("burgerservicenummer", koppeling.path("burgerservicenummer"));
        notice.put("gemeentecode", gemeentecode);
        notice.set("datum", koppeling.path("datum"));
        notice.put("reden", reden);
        return bytes(notice);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
