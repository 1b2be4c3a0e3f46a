package nl.koppelpunt.hub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;

import nl.koppelpunt.connectors.soap.SoapIntakeEndpoint;
import nl.koppelpunt.hub.support.SoapClient;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.XmlEncoding;

/**
 * TVS and DUO as partners, end to end with Citrus. TVS posts koppelingen (REST, and once over SOAP) and subscribes:
 * its Citrus server ({@code /schermen}) receives what it shows each gekoppelde gemeente's staff, under that gemeente's
 * rules, with {@code Koppelpunt-Gemeentecode} naming the gemeente. DUO posts a person's inburgeringsstatus, which
 * waits for a koppeling and a consent like a klantprofiel and goes only to subscriptions that see the inburgering
 * section (Utrecht werk-en-inkomen and TVS; not huisvesting). Partner set {@code e2e/partners-tvs}.
 */
@TestPropertySource(properties = "e2e.partners=partners-tvs")
class TvsE2eTest extends E2eTest {

    static final String BSN = RegelsE2eTest.BSN;
    static final String BSN_2 = RegelsE2eTest.BSN_2;
    static final String GM_UTRECHT = RegelsE2eTest.GM_UTRECHT;
    static final String GM_AMSTERDAM = RegelsE2eTest.GM_AMSTERDAM;
    static final String UTRECHT = GemeenteServers.UTRECHT;
    static final String AMSTERDAM = GemeenteServers.AMSTERDAM;
    static final String TVS = GemeenteServers.TVS;
    static final String SCHERMEN = "schermen";
    static final String WERK = RegelsE2eTest.WERK;
    static final String HUIS = RegelsE2eTest.HUIS;
    static final String STATUS = "e2e/berichten/duo-inburgeringsstatus.json";
    static final Duration STIL = RegelsE2eTest.STIL;

    static final String TVS_BEZORGING = "$.bezorgingen[?(@.abonnement == 'tvs.schermen')]";
    static final String WERK_BEZORGING = RegelsE2eTest.WERK_BEZORGING;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tvsReceivesAScreeningOnlyOnceThePersonIsGekoppeld() {
        String screening = screening(BSN);
        partnerAwaitsBericht("coa", screening, Map.of(
                "$.status", "geparkeerd",
                "$.parkeringen[0].reden", "geen-koppeling"));
        gemeenteReceivesNothing(TVS, STIL);

        koppeling(BSN, GM_UTRECHT);

        gemeenteReceives(UTRECHT, WERK, RegelsE2eTest.SCREENING, RegelsE2eTest.headers("screening", screening), 200);
        gemeenteReceives(UTRECHT, HUIS, RegelsE2eTest.SCREENING, RegelsE2eTest.headers("screening", screening), 200);
        tvsReceives(RegelsE2eTest.SCREENING, RegelsE2eTest.headers("screening", screening), GM_UTRECHT);
        partnerAwaitsBericht("coa", screening, Map.of(
                "$.status", "bezorgd",
                "$.bezorgingen.size()", 3,
                TVS_BEZORGING + ".gemeentecode", GM_UTRECHT,
                TVS_BEZORGING + ".status", "bezorgd"));
        gemeenteReceivesNothing(TVS, STIL);
    }

    /**
     * Consent for another gemeente does not count: TVS shows the profile to the gekoppelde gemeente's staff. With
     * consent for Utrecht it arrives (the whole profile), and the withdrawal reaches TVS as an intrekking too.
     */
    @Test
    void aKlantprofielReachesTvsOnlyWithConsentForTheGekoppeldeGemeenteAndTheIntrekkingToo() {
        koppeling(BSN, GM_UTRECHT);
        toestemming(BSN, GM_AMSTERDAM, true);
        String profiel = klantprofiel(BSN, 1);
        partnerAwaitsBericht("coa", profiel, Map.of(
                "$.status", "geparkeerd",
                "$.parkeringen[0].reden", "geen-toestemming",
                "$.parkeringen[0].gemeentecode", GM_UTRECHT,
                "$.bezorgingen.size()", 0));
        gemeenteReceivesNothing(TVS, STIL);

        toestemming(BSN, GM_UTRECHT, true);

        context.setVariable("bsn", BSN);
        context.setVariable("profielversie", 1);
        Map<String, Object> profielHeaders = new LinkedHashMap<>(RegelsE2eTest.headers("klantprofiel", profiel));
        profielHeaders.put("Koppelpunt-Profielversie", "1");
        tvsReceives(RegelsE2eTest.KLANTPROFIEL, profielHeaders, GM_UTRECHT);
        gemeenteReceives(UTRECHT, WERK, RegelsE2eTest.KLANTPROFIEL, profielHeaders, 200);
        gemeenteReceives(UTRECHT, HUIS, RegelsE2eTest.KLANTPROFIEL_HUISVESTING, profielHeaders, 200);
        partnerAwaitsBericht("coa", profiel, Map.of(
                "$.status", "bezorgd",
                "$.bezorgingen.size()", 3,
                TVS_BEZORGING + ".gemeentecode", GM_UTRECHT));

        toestemming(BSN, GM_UTRECHT, false);

        String intrekking = """
                {"burgerservicenummer": "%s", "gemeentecode": "%s", "doel": "overdracht-klantprofiel",
                 "datum": "2017-04-12"}""".formatted(BSN, GM_UTRECHT);
        Delivery naarTvs = tvsReceives(intrekking, RegelsE2eTest.kennisgevingHeaders("intrekking"), GM_UTRECHT);
        Delivery naarWerk = gemeenteReceives(UTRECHT, WERK, intrekking, RegelsE2eTest.kennisgevingHeaders("intrekking"), 200);
        gemeenteReceives(UTRECHT, HUIS, intrekking, RegelsE2eTest.kennisgevingHeaders("intrekking"), 200);
        assertThat(naarTvs.berichtId()).isEqualTo(naarWerk.berichtId());
        gemeenteReceivesNothing(TVS, STIL);
        gemeenteReceivesNothing(AMSTERDAM, Duration.ofMillis(100));
    }

    /**
     * Herkoppeling Utrecht → Amsterdam: TVS is the system of record for both gemeenten' screens, so it gets the
     * ontkoppeling for Utrecht (to take the person off Utrecht's screens) and the latest screening again, now for
     * Amsterdam — the same message, a second delivery with its own Idempotency-Key.
     */
    @Test
    void herkoppelingGivesTvsTheOntkoppelingForTheOldGemeenteAndTheScreeningForTheNew() {
        koppeling(BSN, GM_UTRECHT);
        String screening = screening(BSN);
        Delivery voorUtrecht = tvsReceives(RegelsE2eTest.SCREENING, RegelsE2eTest.headers("screening", screening), GM_UTRECHT);
        gemeenteReceives(UTRECHT, WERK, RegelsE2eTest.SCREENING, RegelsE2eTest.headers("screening", screening), 200);
        gemeenteReceives(UTRECHT, HUIS, RegelsE2eTest.SCREENING, RegelsE2eTest.headers("screening", screening), 200);
        // Recorded as delivered before the herkoppeling, or the herkoppeling could drop one still marked planned.
        partnerAwaitsBericht("coa", screening, Map.of(
                "$.status", "bezorgd",
                "$.bezorgingen[?(@.status == 'bezorgd')].size()", 3));

        koppeling(BSN, GM_AMSTERDAM);

        String ontkoppeling = """
                {"burgerservicenummer": "%s", "gemeentecode": "%s", "datum": "2017-03-20", "reden": "herkoppeld"}"""
                .formatted(BSN, GM_UTRECHT);
        tvsReceives(ontkoppeling, RegelsE2eTest.kennisgevingHeaders("ontkoppeling"), GM_UTRECHT);
        Delivery voorAmsterdam = tvsReceives(RegelsE2eTest.SCREENING, RegelsE2eTest.headers("screening", screening),
                GM_AMSTERDAM);
        assertThat(voorAmsterdam.idempotencyKey()).isNotEqualTo(voorUtrecht.idempotencyKey());
        gemeenteReceives(UTRECHT, WERK, ontkoppeling, RegelsE2eTest.kennisgevingHeaders("ontkoppeling"), 200);
        gemeenteReceives(UTRECHT, HUIS, ontkoppeling, RegelsE2eTest.kennisgevingHeaders("ontkoppeling"), 200);
        gemeenteReceives(AMSTERDAM, WERK, RegelsE2eTest.SCREENING, RegelsE2eTest.headers("screening", screening), 200);
        partnerAwaitsBericht("coa", screening, Map.of(
                "$.bezorgingen.size()", 5,
                "$.bezorgingen[?(@.status == 'bezorgd')].size()", 5,
                TVS_BEZORGING + ".size()", 2,
                "$.bezorgingen[?(@.abonnement == 'tvs.schermen' && @.gemeentecode == 'GM0363')].status", "bezorgd"));
        gemeenteReceivesNothing(TVS, STIL);
    }

    /** TVS sends the koppeling over SOAP (WUS, signed); it releases the klantprofiel that waited for it. */
    @Test
    void aKoppelingTvsSendsOverSoapReleasesAParkedKlantprofiel() throws Exception {
        toestemming(BSN_2, GM_UTRECHT, true);
        String profiel = klantprofiel(BSN_2, 4);
        partnerAwaitsBericht("coa", profiel, Map.of(
                "$.status", "geparkeerd",
                "$.parkeringen[0].reden", "geen-koppeling"));

        ObjectNode koppeling = JSON.createObjectNode().put("burgerservicenummer", BSN_2).put("soort", "koppeling")
                .put("gemeentecode", GM_UTRECHT).put("arbeidsmarktregio", "AM12").put("datum", "2017-03-20");
        Document xml = new XmlEncoding().toXml(Berichttype.KOPPELING, koppeling);
        Source antwoord = SoapClient.partner(pkiDir.getParent(), "tvs", port)
                .send(xml, "urn:uuid:" + UUID.randomUUID(), SoapIntakeEndpoint.action(Berichttype.KOPPELING));
        String koppelingId = berichtId(antwoord);
        partnerAwaitsBericht("tvs", koppelingId, Map.of(
                "$.berichttype", "koppeling",
                "$.kanaal", "soap",
                "$.status", "bezorgd"));

        context.setVariable("bsn", BSN_2);
        context.setVariable("profielversie", 4);
        Map<String, Object> profielHeaders = new LinkedHashMap<>(RegelsE2eTest.headers("klantprofiel", profiel));
        profielHeaders.put("Koppelpunt-Profielversie", "4");
        tvsReceives(RegelsE2eTest.KLANTPROFIEL, profielHeaders, GM_UTRECHT);
        gemeenteReceives(UTRECHT, WERK, RegelsE2eTest.KLANTPROFIEL, profielHeaders, 200);
        gemeenteReceives(UTRECHT, HUIS, RegelsE2eTest.KLANTPROFIEL_HUISVESTING, profielHeaders, 200);
        partnerAwaitsBericht("coa", profiel, Map.of(
                "$.status", "bezorgd",
                "$.parkeringen.size()", 0,
                "$.bezorgingen.size()", 3));
    }

    /**
     * DUO's status without koppeling parks for the koppeling, then for the consent; with the consent it reaches
     * Utrecht werk-en-inkomen and TVS, never huisvesting (which does not see the inburgering section).
     */
    @Test
    void aDuoInburgeringsstatusWaitsForKoppelingAndConsentAndReachesOnlyWhoSeesTheInburgeringSection() {
        String status = duoStatus(BSN, 2);
        partnerAwaitsBericht("duo", status, Map.of(
                "$.berichttype", "duo-inburgeringsstatus",
                "$.status", "geparkeerd",
                "$.parkeringen[0].reden", "geen-koppeling"));

        koppeling(BSN, GM_UTRECHT);
        partnerAwaitsBericht("duo", status, Map.of(
                "$.status", "geparkeerd",
                "$.parkeringen.size()", 1,
                "$.parkeringen[0].reden", "geen-toestemming",
                "$.parkeringen[0].gemeentecode", GM_UTRECHT));
        gemeenteReceivesNothing(UTRECHT, STIL);
        gemeenteReceivesNothing(TVS, Duration.ofMillis(100));

        toestemming(BSN, GM_UTRECHT, true);

        context.setVariable("bsn", BSN);
        context.setVariable("versie", 2);
        gemeenteReceives(UTRECHT, WERK, STATUS, RegelsE2eTest.headers("duo-inburgeringsstatus", status), 200);
        tvsReceives(STATUS, RegelsE2eTest.headers("duo-inburgeringsstatus", status), GM_UTRECHT);
        partnerAwaitsBericht("duo", status, Map.of(
                "$.status", "bezorgd",
                "$.parkeringen.size()", 0,
                "$.bezorgingen.size()", 2,
                WERK_BEZORGING + ".status", "bezorgd",
                TVS_BEZORGING + ".status", "bezorgd"));
        gemeenteReceivesNothing(UTRECHT, HUIS, STIL);
    }

    /** A withdrawal drops the waiting status like a waiting profile; a later consent does not bring it back. */
    @Test
    void aWithdrawalDropsAWaitingDuoInburgeringsstatus() {
        koppeling(BSN_2, GM_UTRECHT);
        String status = duoStatus(BSN_2, 1);
        partnerAwaitsBericht("duo", status, Map.of(
                "$.status", "geparkeerd",
                "$.parkeringen[0].reden", "geen-toestemming"));

        toestemming(BSN_2, GM_UTRECHT, false);

        partnerAwaitsBericht("duo", status, Map.of(
                "$.status", "vervallen",
                "$.parkeringen.size()", 0,
                "$.gebeurtenissen[?(@.soort == 'vervallen')].toelichting", "@contains('toestemming ingetrokken')@"));
        // The person is linked to Utrecht: Utrecht and TVS are told of the withdrawal (no status ever reached them).
        String intrekking = """
                {"burgerservicenummer": "%s", "gemeentecode": "%s", "doel": "overdracht-klantprofiel",
                 "datum": "2017-04-12"}""".formatted(BSN_2, GM_UTRECHT);
        tvsReceives(intrekking, RegelsE2eTest.kennisgevingHeaders("intrekking"), GM_UTRECHT);
        gemeenteReceives(UTRECHT, WERK, intrekking, RegelsE2eTest.kennisgevingHeaders("intrekking"), 200);
        gemeenteReceives(UTRECHT, HUIS, intrekking, RegelsE2eTest.kennisgevingHeaders("intrekking"), 200);

        toestemming(BSN_2, GM_UTRECHT, true);
        gemeenteReceivesNothing(TVS, STIL);
        gemeenteReceivesNothing(UTRECHT, Duration.ofMillis(100));
        partnerSeesBericht("duo", status, Map.of("$.status", "vervallen", "$.bezorgingen.size()", 0));
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** TVS's screens receive a delivery for the gemeente {@code gemeentecode}: the header says which (signed). */
    Delivery tvsReceives(String expectedJson, Map<String, Object> headers, String gemeentecode) {
        Map<String, Object> expected = new LinkedHashMap<>(headers);
        expected.put("Koppelpunt-Gemeentecode", gemeentecode);
        return gemeenteReceives(TVS, SCHERMEN, expectedJson, expected, 200);
    }

    String koppeling(String bsn, String gemeentecode) {
        return tvsPosts("/api/v1/koppelingen", uniqueKey(), "e2e/berichten/koppeling.json",
                Map.of("bsn", bsn, "gemeentecode", gemeentecode));
    }

    String toestemming(String bsn, String gemeentecode, boolean gegeven) {
        return coaPosts("/api/v1/toestemmingen", uniqueKey(),
                gegeven ? "e2e/berichten/toestemming-gegeven.json" : "e2e/berichten/toestemming-ingetrokken.json",
                Map.of("bsn", bsn, "gemeentecode", gemeentecode));
    }

    String screening(String bsn) {
        return coaPosts("/api/v1/screenings", uniqueKey(), RegelsE2eTest.SCREENING, Map.of("bsn", bsn));
    }

    String klantprofiel(String bsn, int versie) {
        return coaPosts("/api/v1/klantprofielen", uniqueKey(), RegelsE2eTest.KLANTPROFIEL,
                Map.of("bsn", bsn, "profielversie", versie));
    }

    String duoStatus(String bsn, int versie) {
        return partnerPosts("duo", "/api/v1/duo-inburgeringsstatussen", uniqueKey(), STATUS,
                Map.of("bsn", bsn, "versie", versie));
    }

    private static String berichtId(Source antwoord) throws Exception {
        DOMResult result = new DOMResult();
        TransformerFactory.newInstance().newTransformer().transform(antwoord, result);
        return ((Document) result.getNode()).getDocumentElement()
                .getElementsByTagNameNS(XmlEncoding.NAMESPACE, "berichtId").item(0).getTextContent();
    }
}
