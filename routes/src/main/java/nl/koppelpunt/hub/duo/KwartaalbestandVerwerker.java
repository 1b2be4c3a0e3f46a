package nl.koppelpunt.hub.duo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.autorisatie.Autorisatie;
import nl.koppelpunt.connectors.autorisatie.Operatie;
import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.hub.sftp.InboxBestandsverwerker;
import nl.koppelpunt.schemas.Violation;

/**
 * DUO's quarterly file from the SFTP inbox, {@code inburgeringsresultaten.<kwartaal>.csv}: checked whole by the same
 * code as {@code PUT /api/v1/inburgeringsresultaten/{kwartaal}} ({@link Kwartaalverwerking}). Valid: stored and sent,
 * and {@code <file>.ack} says the kwartaal, the version and the message per gemeente. Invalid: nothing stored, and
 * {@code <file>.fouten.json} names every violation by line, column and reason. Both are written under a hidden name
 * and renamed, so DUO never reads half a report. The values of the file are never repeated (nor logged).
 *
 * <p>One of the inbox's file kinds ({@link InboxBestandsverwerker}): the route {@code sftp-inbox} picks up every
 * {@code *.csv} of a partner folder with the same guards as a batch (no file still open for writing, unchanged for
 * {@code stil-ms}) and hands it here.
 */
@Component
public class KwartaalbestandVerwerker implements InboxBestandsverwerker {

    private static final Logger LOG = LoggerFactory.getLogger(KwartaalbestandVerwerker.class);
    static final Pattern NAAM = Pattern.compile("^inburgeringsresultaten\\.((?:19|20)[0-9]{2}-Q[1-4])\\.csv$");
    private static final Pattern REGEL_KOLOM = Pattern.compile("^/regel/(\\d+)/kolom/(\\d+)$");
    /** (?s): a name with a newline is taken too, and refused with a report, instead of lying in the inbox unanswered. */
    private static final Pattern CSV = Pattern.compile("(?s).*\\.csv");
    private static final Pattern VEILIG = Pattern.compile("[^A-Za-z0-9._-]");
    private static final String TYPE_PREFIX = "urn:koppelpunt:probleem:";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Kwartaalverwerking verwerking;

    public KwartaalbestandVerwerker(Kwartaalverwerking verwerking) {
        this.verwerking = verwerking;
    }

    @Override
    public Pattern bestandsnamen() {
        return CSV;
    }

    @Override
    public void verwerkBestand(Path bestand, Partner partner) throws IOException {
        verwerk(bestand, partner);
    }

    /** @return whether the quarter was stored */
    public boolean verwerk(Path bestand, Partner partner) throws IOException {
        String naam = bestand.getFileName().toString();
        if (!Autorisatie.mag(partner.rol(), Operatie.INBURGERINGSRESULTATEN_AANLEVEREN)) {
            weiger(bestand, veilig(naam), Probleem.NIET_TOEGESTAAN, "Alleen DUO levert inburgeringsresultaten aan", List.of());
            return false;
        }
        Matcher m = NAAM.matcher(naam);
        if (!m.matches()) {
            weiger(bestand, veilig(naam), Probleem.ONGELDIG_VERZOEK, "Ongeldige bestandsnaam",
                    List.of(new Violation("", "Gebruik inburgeringsresultaten.<kwartaal>.csv, bijvoorbeeld inburgeringsresultaten.2017-Q1.csv")));
            return false;
        }
        String kwartaal = m.group(1);
        if (Files.size(bestand) > InburgeringsresultatenController.MAX_BYTES) {
            weiger(bestand, naam, Probleem.ONGELDIG_BERICHT, "Het bestand is te groot",
                    List.of(new Violation("", "Ten hoogste " + InburgeringsresultatenController.MAX_BYTES + " bytes")));
            return false;
        }
        Kwartaalverwerking.Levering levering;
        try {
            levering = verwerking.lever(kwartaal, Kwartaalverwerking.leesCsv(kwartaal, Files.readAllBytes(bestand)), true,
                    partner.id());
        } catch (IntakeException e) {
            if (e.probleem() != Probleem.ONGELDIG_BERICHT) {
                throw e; // e.g. the database is away: the file stays in the inbox and is tried again
            }
            weiger(bestand, naam, e.probleem(), e.getMessage(), e.violations());
            return false;
        }
        ObjectNode ack = JSON.createObjectNode();
        ack.put("bestand", naam);
        ack.put("kwartaal", levering.kwartaal());
        ack.put("versie", levering.versie());
        ack.put("rijen", levering.rijen());
        ack.set("berichten", JSON.valueToTree(levering.uitzending().verzonden()));
        ack.set("nietVerzonden", JSON.valueToTree(levering.uitzending().nietVerzonden()));
        schrijf(bestand.resolveSibling(naam + ".ack"), ack);
        return true;
    }

    private void weiger(Path bestand, String naam, Probleem probleem, String detail, List<Violation> violations)
            throws IOException {
        ObjectNode fouten = JSON.createObjectNode();
        fouten.put("bestand", naam);
        fouten.put("type", TYPE_PREFIX + probleem.slug());
        fouten.put("title", probleem.titel());
        fouten.put("detail", detail);
        ArrayNode lijst = fouten.putArray("fouten");
        for (Violation v : violations) {
            ObjectNode f = lijst.addObject();
            Matcher m = REGEL_KOLOM.matcher(v.pointer());
            if (m.matches()) {
                f.put("regel", Integer.parseInt(m.group(1)));
                f.put("kolom", Integer.parseInt(m.group(2)));
            }
            f.put("name", v.pointer());
            f.put("reason", v.reason());
        }
        schrijf(bestand.resolveSibling(naam + ".fouten.json"), fouten);
        LOG.warn("DUO quarterly file refused as a whole ({} violations): {}", violations.size(), probleem.slug());
    }

    private static void schrijf(Path doel, ObjectNode inhoud) throws IOException {
        Path tmp = doel.resolveSibling("." + doel.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            JSON.writeValue(out, inhoud);
        }
        try {
            Files.move(tmp, doel, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, doel, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A name that is safe to write beside the upload, for the error file of a refused name. */
    private static String veilig(String naam) {
        String s = VEILIG.matcher(naam).replaceAll("_").replace("..", "__");
        s = s.startsWith(".") ? "_" + s.substring(1) : s;
        return s.length() > 120 ? s.substring(0, 120) : s;
    }
}
