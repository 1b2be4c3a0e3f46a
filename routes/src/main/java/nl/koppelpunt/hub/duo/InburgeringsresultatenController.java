package nl.koppelpunt.hub.duo;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.koppelpunt.connectors.autorisatie.Autorisatie;
import nl.koppelpunt.connectors.autorisatie.Eigenaar;
import nl.koppelpunt.connectors.autorisatie.Operatie;
import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.rest.BodyTooLargeException;
import nl.koppelpunt.connectors.rest.ClientCertificateFilter;
import nl.koppelpunt.connectors.rest.NotFoundException;
import nl.koppelpunt.connectors.rest.Vereist;
import nl.koppelpunt.hub.intake.StrictJson;
import nl.koppelpunt.schemas.Violation;

/**
 * DUO's quarterly inburgering results over REST: DUO puts a whole quarter (JSON, or the CSV layout), gemeenten read
 * their own rows. A file is refused whole when anything in it is wrong, with every violation named (a JSON pointer,
 * for CSV line and column too), so DUO can correct it in one go.
 */
@RestController
@RequestMapping("/api/v1")
public class InburgeringsresultatenController {

    /** A quarter of all 342 gemeenten × some ten cohorts is far below this; more is not a DUO file. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final Pattern KWARTAAL = Pattern.compile("^(19|20)[0-9]{2}-Q[1-4]$");
    private static final Pattern GEMEENTECODE = Pattern.compile("^GM[0-9]{4}$");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final InburgeringsresultatenRepository opslag;
    private final Kwartaalverwerking verwerking;
    private final StrictJson json;

    public InburgeringsresultatenController(InburgeringsresultatenRepository opslag, Kwartaalverwerking verwerking,
                                            StrictJson json) {
        this.opslag = opslag;
        this.verwerking = verwerking;
        this.json = json;
    }

    @PutMapping(path = "/inburgeringsresultaten/{kwartaal}", consumes = {"application/json", "text/csv"})
    @Vereist(value = Operatie.INBURGERINGSRESULTATEN_AANLEVEREN, alle = true)
    public ResponseEntity<Map<String, Object>> lever(@PathVariable String kwartaal, HttpServletRequest request) throws IOException {
        if (!KWARTAAL.matcher(kwartaal).matches()) {
            throw ongeldigVerzoek("kwartaal", "Verwacht een kwartaal als 2017-Q1.");
        }
        byte[] body = lees(request);
        boolean csv = CSV.isCompatibleWith(MediaType.parseMediaType(request.getContentType()));
        JsonNode bestand = csv ? Kwartaalverwerking.leesCsv(kwartaal, body) : json(body);
        Kwartaalverwerking.Levering levering = verwerking.lever(kwartaal, bestand, csv,
                ClientCertificateFilter.partnerOf(request).id());
        int versie = levering.versie();
        Map<String, Object> antwoord = new LinkedHashMap<>();
        antwoord.put("kwartaal", kwartaal);
        antwoord.put("versie", versie);
        antwoord.put("rijen", levering.rijen());
        antwoord.put("berichten", levering.uitzending().verzonden());
        antwoord.put("nietVerzonden", levering.uitzending().nietVerzonden());
        return ResponseEntity.status(versie == 1 ? HttpStatus.CREATED : HttpStatus.OK).body(antwoord);
    }

    @GetMapping("/gemeenten/{gemeentecode}/inburgeringsresultaten")
    @Vereist(Operatie.INBURGERINGSRESULTATEN_LEZEN)
    public Map<String, Object> lees(@PathVariable String gemeentecode, @RequestParam(required = false) String kwartaal,
                                    HttpServletRequest request) {
        Partner partner = ClientCertificateFilter.partnerOf(request);
        if (!GEMEENTECODE.matcher(gemeentecode).matches()) {
            throw ongeldigVerzoek("gemeentecode", "Verwacht GM gevolgd door vier cijfers.");
        }
        if (!Autorisatie.mag(partner, Operatie.INBURGERINGSRESULTATEN_LEZEN, Eigenaar.gemeente(gemeentecode))) {
            // Like a message of another partner: another gemeente's figures are not there for this caller.
            throw new NotFoundException("Geen inburgeringsresultaten voor deze gemeente.");
        }
        if (kwartaal != null && !KWARTAAL.matcher(kwartaal).matches()) {
            throw ongeldigVerzoek("kwartaal", "Verwacht een kwartaal als 2017-Q1.");
        }
        Map<String, Object> antwoord = new LinkedHashMap<>();
        antwoord.put("gemeentecode", gemeentecode);
        if (kwartaal != null) {
            antwoord.put("kwartaal", kwartaal);
        }
        antwoord.put("rijen", opslag.vanGemeente(gemeentecode, kwartaal));
        return antwoord;
    }

    private JsonNode json(byte[] body) {
        try {
            return json.parse(body);
        } catch (IOException e) {
            throw Kwartaalverwerking.ongeldig(List.of(new Violation("", "the body is not well-formed JSON")));
        }
    }

    private static byte[] lees(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw new BodyTooLargeException(MAX_BYTES);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new BodyTooLargeException(MAX_BYTES);
            }
            return body;
        }
    }

    private static IntakeException ongeldigVerzoek(String naam, String reden) {
        return new IntakeException(Probleem.ONGELDIG_VERZOEK, "Ongeldig verzoek.", List.of(new Violation(naam, reden)));
    }
}
