package nl.koppelpunt.hub.duo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.PartnerCatalog;
import nl.koppelpunt.connectors.partner.PartnerRegister;
import nl.koppelpunt.hub.regels.Bezorging;
import nl.koppelpunt.hub.regels.RegelMotor;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.ContractCatalog;
import nl.koppelpunt.schemas.Violation;

/**
 * After a quarter is stored: one {@code inburgeringsresultaten-gemeente} message per gemeente, with only that
 * gemeente's rows, through the ordinary delivery machinery (its subscriptions' queues, retries, signing, dead letter,
 * replay). Runs in the transaction that stored the quarter, so the rows and the messages commit together.
 *
 * <p>Who gets what: a gemeente in the new file gets {@code eerste} (it had no rows in the replaced version) or
 * {@code correctie}; a gemeente that had rows in the replaced version but none in the new one gets {@code ingetrokken}
 * with no rows. A gemeente that is not onboarded, or has no subscription to the type, gets nothing (no message is
 * stored for it): its rows are still there for reading.
 */
@Component
public class Kwartaaluitzending {

    static final Berichttype TYPE = Berichttype.INBURGERINGSRESULTATEN_GEMEENTE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InburgeringsresultatenRepository opslag;
    private final PartnerRegister partners;
    private final RegelMotor motor;
    private final ContractCatalog contracten = ContractCatalog.v1();

    public Kwartaaluitzending(InburgeringsresultatenRepository opslag, PartnerRegister partners, RegelMotor motor) {
        this.opslag = opslag;
        this.partners = partners;
        this.motor = motor;
    }

    /** One message sent to a gemeente. */
    public record Verzonden(String gemeentecode, String soort, UUID berichtId) {
    }

    /** A gemeente of the file that gets nothing, and why. */
    public record NietVerzonden(String gemeentecode, String reden) {
    }

    /** What was planned; {@code gepland} is queued by the caller after the commit. */
    public record Uitzending(List<Verzonden> verzonden, List<NietVerzonden> nietVerzonden, List<Bezorging> gepland) {
    }

    Uitzending zend(String kwartaal, int versie, Set<String> nieuweGemeenten, Set<String> vorigeGemeenten) {
        Set<String> alle = new TreeSet<>(nieuweGemeenten);
        alle.addAll(vorigeGemeenten);
        PartnerCatalog catalog = partners.huidig();
        List<Verzonden> verzonden = new ArrayList<>();
        List<NietVerzonden> niet = new ArrayList<>();
        List<Bezorging> gepland = new ArrayList<>();
        for (String gemeente : alle) {
            if (catalog.gemeente(gemeente).isEmpty()) {
                niet.add(new NietVerzonden(gemeente, "gemeente-niet-aangesloten"));
                continue;
            }
            if (catalog.abonnementen(gemeente, TYPE).isEmpty()) {
                niet.add(new NietVerzonden(gemeente, "geen-abonnement"));
                continue;
            }
            String soort = !nieuweGemeenten.contains(gemeente) ? "ingetrokken"
                    : vorigeGemeenten.contains(gemeente) ? "correctie" : "eerste";
            RegelMotor.Uitgaand uit = motor.uitgaand(TYPE, gemeente, bericht(kwartaal, versie, soort, gemeente));
            verzonden.add(new Verzonden(gemeente, soort, uit.berichtId()));
            gepland.addAll(uit.gepland());
        }
        return new Uitzending(verzonden, niet, gepland);
    }

    /** The gemeente's own rows of the quarter as stored (this transaction's), with their percentages. */
    private byte[] bericht(String kwartaal, int versie, String soort, String gemeente) {
        ObjectNode bericht = JSON.createObjectNode();
        bericht.put("kwartaal", kwartaal);
        bericht.put("gemeentecode", gemeente);
        bericht.put("versie", versie);
        bericht.put("soort", soort);
        ArrayNode rijen = bericht.putArray("rijen");
        for (Inburgeringsresultaat r : opslag.vanGemeente(gemeente, kwartaal)) {
            ObjectNode rij = rijen.addObject();
            rij.put("cohortjaar", r.cohortjaar());
            rij.put("inburgeringsplichtigen", r.inburgeringsplichtigen());
            rij.put("voldaan", r.voldaan());
            rij.put("ontheven", r.ontheven());
            rij.put("nogInburgeringsplichtig", r.nogInburgeringsplichtig());
            if (r.termijnVerstreken() != null) {
                rij.put("termijnVerstreken", r.termijnVerstreken());
            }
            if (r.leningToegekend() != null) {
                rij.put("leningToegekend", r.leningToegekend());
            }
            if (r.percentages() != null) {
                rij.set("percentages", JSON.valueToTree(r.percentages()));
            }
        }
        // What the hub sends must meet the published contract as much as what it accepts.
        List<Violation> fouten = contracten.validator().validate(TYPE, bericht);
        if (!fouten.isEmpty()) {
            throw new IllegalStateException("outbound " + TYPE.code() + " breaks its contract: " + fouten);
        }
        try {
            return JSON.writeValueAsBytes(bericht);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
