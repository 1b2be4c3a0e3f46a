package nl.koppelpunt.hub.duo;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.hub.bezorging.BezorgingWachtrijRoute;
import nl.koppelpunt.schemas.Inburgeringsresultaten;
import nl.koppelpunt.schemas.KwartaalCsv;
import nl.koppelpunt.schemas.Violation;

/**
 * One DUO delivery of a quarter, whatever the channel (REST PUT or the SFTP inbox): checked whole, stored (replacing
 * an earlier version of the quarter) and sent to each gemeente as its own rows, in one transaction; the deliveries are
 * queued after the commit (the recovery sweep of the delivery outbox covers a stop in between).
 */
@Component
public class Kwartaalverwerking {

    private static final Logger LOG = LoggerFactory.getLogger(Kwartaalverwerking.class);

    private final InburgeringsresultatenRepository opslag;
    private final Kwartaaluitzending uitzending;
    private final BekendeGemeenten gemeenten;
    private final TransactionTemplate transactie;
    private final ProducerTemplate producer;

    public Kwartaalverwerking(InburgeringsresultatenRepository opslag, Kwartaaluitzending uitzending,
                              BekendeGemeenten gemeenten, TransactionTemplate transactie, ProducerTemplate producer) {
        this.opslag = opslag;
        this.uitzending = uitzending;
        this.gemeenten = gemeenten;
        this.transactie = transactie;
        this.producer = producer;
    }

    /** A stored quarter: its version, its number of rows, and what each gemeente was sent. */
    public record Levering(String kwartaal, int versie, int rijen, Kwartaaluitzending.Uitzending uitzending) {
    }

    /**
     * The CSV layout as the JSON form of the quarter.
     *
     * @throws IntakeException {@code ongeldig-bericht} naming line and column ({@code /regel/5/kolom/4})
     */
    public static JsonNode leesCsv(String kwartaal, byte[] bestand) {
        String tekst;
        try {
            tekst = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bestand)).toString();
        } catch (CharacterCodingException e) {
            throw ongeldig(List.of(new Violation("", "the file is not UTF-8")));
        }
        KwartaalCsv.Resultaat r = KwartaalCsv.lees(kwartaal, tekst);
        if (!r.fouten().isEmpty()) {
            throw ongeldig(r.fouten());
        }
        return r.bestand();
    }

    /**
     * Checks the whole quarter and, only when nothing is wrong, stores and sends it.
     *
     * @param csv whether the file came as CSV: its violations are then named by line and column
     * @throws IntakeException {@code ongeldig-bericht} with every violation; nothing is stored
     */
    public Levering lever(String kwartaal, JsonNode bestand, boolean csv, String partnerId) {
        List<Violation> fouten = Inburgeringsresultaten.controleer(bestand, gemeenten::bekend);
        if (fouten.isEmpty() && !kwartaal.equals(bestand.path("kwartaal").asText())) {
            fouten = List.of(new Violation("/kwartaal", "the file's kwartaal differs from the kwartaal it was delivered as"));
        }
        if (!fouten.isEmpty()) {
            throw ongeldig(csv ? fouten.stream().map(KwartaalCsv::opRegelEnKolom).toList() : fouten);
        }
        JsonNode rijen = bestand.path("rijen");
        Set<String> nieuw = new LinkedHashSet<>();
        rijen.forEach(rij -> nieuw.add(rij.path("gemeentecode").asText()));
        Levering levering = transactie.execute(status -> {
            InburgeringsresultatenRepository.Vervanging v = opslag.vervang(kwartaal, rijen, partnerId);
            return new Levering(kwartaal, v.versie(), rijen.size(), uitzending.zend(kwartaal, v.versie(), nieuw, v.vorigeGemeenten()));
        });
        levering.uitzending().gepland().forEach(b -> producer.sendBody(BezorgingWachtrijRoute.IN_WACHTRIJ, b));
        LOG.info("Quarter {} version {} stored: {} rows, {} gemeente messages, {} gemeenten without one", kwartaal,
                levering.versie(), levering.rijen(), levering.uitzending().verzonden().size(),
                levering.uitzending().nietVerzonden().size());
        return levering;
    }

    static IntakeException ongeldig(List<Violation> fouten) {
        return new IntakeException(Probleem.ONGELDIG_BERICHT,
                "Het bestand is geweigerd en niet opgeslagen; de vorige versie van het kwartaal blijft staan.", fouten);
    }
}
