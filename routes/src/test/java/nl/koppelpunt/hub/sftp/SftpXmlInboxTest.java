package nl.koppelpunt.hub.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.XmlEncoding;

/**
 * XML batches through the real SFTP server: {@code <batch>} of {@code <bericht id>} elements, each message in its
 * SOAP/XML encoding; valid ones accepted, invalid ones reported per element; a DTD refuses the whole file.
 */
class SftpXmlInboxTest extends SftpInboxBasis {

    private static final XmlEncoding XML = new XmlEncoding();

    static String bericht(String id, byte[] json) throws Exception {
        String xml = nl.koppelpunt.hub.sftp.XmlTekst.van(XML.toXml(Berichttype.SCREENING, new ObjectMapper().readTree(json)));
        return "  <bericht id=\"" + id + "\">" + xml + "</bericht>\n";
    }

    static String batch(String... berichten) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<batch xmlns=\"" + XmlBatchLezer.NAMESPACE + "\">\n"
                + String.join("", berichten) + "</batch>\n";
    }

    @Test
    void geldigeBerichtenWordenAangenomenEnOngeldigePerElementGemeld() throws Exception {
        String prefix = "xml-" + UUID.randomUUID() + "-";
        String naam = "screening.xml-" + UUID.randomUUID() + ".xml";
        String ongeldig = "  <bericht id=\"" + prefix + "2\"><screening xmlns=\"" + XmlEncoding.NAMESPACE + "\">"
                + "<burgerservicenummer>123456782</burgerservicenummer><datum>geen-datum</datum></screening></bericht>\n";
        String zonderId = "  <bericht>" + "<screening xmlns=\"" + XmlEncoding.NAMESPACE + "\"/></bericht>\n";

        upload(naam, batch(bericht(prefix + "1", Berichten.screening("123456782")), ongeldig, zonderId,
                bericht(prefix + "4", Berichten.screening("999996708"))).getBytes(StandardCharsets.UTF_8));

        List<JsonNode> ack = ack(naam);
        assertThat(ack).extracting(a -> a.path("element").asInt()).containsExactly(1, 4);
        assertThat(ack).extracting(a -> a.path("regel").asInt()).containsExactly(3, 6);
        JsonNode fouten = fouten(naam).path("fouten");
        assertThat(fouten).hasSize(2);
        assertThat(fouten.get(0).path("element").asInt()).isEqualTo(2);
        assertThat(fouten.get(0).path("id").asText()).isEqualTo(prefix + "2");
        assertThat(fouten.get(0).path("type").asText()).isEqualTo("urn:koppelpunt:probleem:ongeldig-bericht");
        // The failing field as an element path, as a SOAP fault names it.
        assertThat(fouten.get(0).path("invalidParams")).extracting(p -> p.path("name").asText()).contains("screening/datum");
        assertThat(fouten.get(1).path("element").asInt()).isEqualTo(3);
        assertThat(fouten.get(1).path("invalidParams").get(0).path("name").asText()).endsWith("/@id");
        assertThat(opgeslagen(prefix)).isEqualTo(2);
    }

    @Test
    void eenVersleuteldeXmlBatchWordtVerwerkt() throws Exception {
        String prefix = "xmlpgp-" + UUID.randomUUID() + "-";
        String naam = "screening.xmlpgp-" + UUID.randomUUID() + ".xml.pgp";

        upload(naam, versleutelEnOnderteken(batch(bericht(prefix + "1", Berichten.screening("111222333"))), koppelpunt, coaPgp()));

        assertThat(ack(naam)).extracting(a -> a.path("id").asText()).containsExactly(prefix + "1");
    }

    @Test
    void eenExterneEntiteitWordtGeheelGeweigerd() throws Exception {
        String prefix = "xxe-" + UUID.randomUUID() + "-";
        String naam = "screening.xxe-" + UUID.randomUUID() + ".xml";
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE batch [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<batch xmlns=\"" + XmlBatchLezer.NAMESPACE + "\"><bericht id=\"" + prefix + "1\"><screening xmlns=\""
                + XmlEncoding.NAMESPACE + "\"><burgerservicenummer>&xxe;</burgerservicenummer></screening></bericht></batch>";

        upload(naam, xxe.getBytes(StandardCharsets.UTF_8));

        assertDtdGeweigerd(naam, prefix);
        assertThat(fouten(naam).toString()).doesNotContain("root:");
    }

    @Test
    void eenBiljoenLachenWordtGeheelGeweigerd() throws Exception {
        String prefix = "lol-" + UUID.randomUUID() + "-";
        String naam = "screening.lol-" + UUID.randomUUID() + ".xml";
        StringBuilder dtd = new StringBuilder("<!DOCTYPE batch [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String xml = "<?xml version=\"1.0\"?>\n" + dtd + "\n<batch xmlns=\"" + XmlBatchLezer.NAMESPACE + "\"><bericht id=\""
                + prefix + "1\"><screening xmlns=\"" + XmlEncoding.NAMESPACE + "\"><burgerservicenummer>&lol9;"
                + "</burgerservicenummer></screening></bericht></batch>";

        upload(naam, xml.getBytes(StandardCharsets.UTF_8));

        assertDtdGeweigerd(naam, prefix);
    }

    @Test
    void afgebrokenXmlLaatDeBerichtenErvoorStaan() throws Exception {
        String prefix = "kapot-" + UUID.randomUUID() + "-";
        String naam = "screening.kapot-" + UUID.randomUUID() + ".xml";
        String xml = batch(bericht(prefix + "1", Berichten.screening("123456782"))).replace("</batch>\n", "<bericht id=\"x\"><scr");

        upload(naam, xml.getBytes(StandardCharsets.UTF_8));

        assertThat(ack(naam)).extracting(a -> a.path("id").asText()).containsExactly(prefix + "1");
        JsonNode fouten = fouten(naam).path("fouten");
        assertThat(fouten).hasSize(1);
        assertThat(fouten.get(0).path("detail").asText()).contains("Geen welgevormde XML vanaf regel");
    }

    private void assertDtdGeweigerd(String naam, String prefix) throws Exception {
        JsonNode fouten = fouten(naam).path("fouten");
        assertThat(fouten).hasSize(1);
        assertThat(fouten.get(0).path("title").asText()).isEqualTo("DTD niet toegestaan");
        assertThat(inbox().resolve(naam + ".ack")).doesNotExist();
        assertThat(opgeslagen(prefix)).isZero();
    }
}
