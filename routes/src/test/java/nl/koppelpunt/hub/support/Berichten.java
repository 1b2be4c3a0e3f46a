package nl.koppelpunt.hub.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Messages for rule scenarios, built from the published examples with the fields a scenario varies. */
public final class Berichten {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Berichten() {
    }

    public static byte[] koppeling(String bsn, String gemeentecode) {
        return koppeling(bsn, gemeentecode, "koppeling");
    }

    public static byte[] ontkoppeling(String bsn, String gemeentecode) {
        return koppeling(bsn, gemeentecode, "ontkoppeling");
    }

    private static byte[] koppeling(String bsn, String gemeentecode, String soort) {
        ObjectNode m = JSON.createObjectNode();
        m.put("burgerservicenummer", bsn).put("soort", soort).put("gemeentecode", gemeentecode)
                .put("arbeidsmarktregio", "AM12").put("datum", "2017-03-20");
        return Voorbeelden.bytes(m);
    }

    public static byte[] toestemming(String bsn, String gemeentecode, boolean gegeven) {
        ObjectNode m = JSON.createObjectNode();
        m.put("burgerservicenummer", bsn).put("gemeentecode", gemeentecode).put("doel", "overdracht-klantprofiel")
                .put("status", gegeven ? "gegeven" : "ingetrokken").put("datum", "2017-03-21");
        return Voorbeelden.bytes(m);
    }

    public static byte[] klantprofiel(String bsn, int versie) {
        ObjectNode profiel = Voorbeelden.seedKlantprofielJson();
        profiel.put("profielversie", versie);
        ((ObjectNode) profiel.path("persoonsgegevens")).put("burgerservicenummer", bsn);
        return Voorbeelden.bytes(profiel);
    }

    public static byte[] screening(String bsn) {
        ObjectNode m = JSON.createObjectNode();
        m.put("burgerservicenummer", bsn).put("datum", "2017-03-20").put("ambities", "Eigen winkel in auto-onderdelen");
        m.putArray("sectoren").add("techniek").add("detailhandel");
        return Voorbeelden.bytes(m);
    }

    /** DUO's status of one person: termijn, lening and PID. */
    public static byte[] duoInburgeringsstatus(String bsn, int versie) {
        ObjectNode m = JSON.createObjectNode();
        m.put("burgerservicenummer", bsn).put("peildatum", "2017-06-30").put("versie", versie);
        m.putObject("inburgeringstermijn").put("startdatum", "2017-03-01").put("einddatum", "2020-03-01");
        m.putObject("duoLening").put("aangevraagd", "2017-04-12");
        return Voorbeelden.bytes(m);
    }
}
