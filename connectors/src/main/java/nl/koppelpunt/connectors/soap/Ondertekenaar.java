package nl.koppelpunt.connectors.soap;

import jakarta.xml.ws.handler.MessageContext;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.pki.Oin;
import nl.koppelpunt.schemas.Violation;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;

/**
 * The WS-Security signature must be the partner's own: WSS4J has verified it against a trusted CA, this checks that
 * the signing certificate carries the OIN of the partner the TLS client certificate identified. A partner cannot
 * send in another's name by signing with that one's certificate, nor the other way round.
 */
final class Ondertekenaar {

    private Ondertekenaar() {
    }

    @SuppressWarnings("unchecked")
    static void controleer(MessageContext message, Partner partner) {
        Object results = message.get(WSHandlerConstants.RECV_RESULTS);
        Optional<X509Certificate> signer = Optional.empty();
        if (results instanceof List) {
            for (WSHandlerResult result : (List<WSHandlerResult>) results) {
                for (WSSecurityEngineResult action : result.getActionResults().getOrDefault(WSConstants.SIGN, List.of())) {
                    Object certificate = action.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
                    if (certificate instanceof X509Certificate) {
                        signer = Optional.of((X509Certificate) certificate);
                    }
                }
            }
        }
        if (signer.isEmpty()) {
            throw new IntakeException(Probleem.NIET_TOEGESTAAN, "Het bericht is niet ondertekend (WS-Security, WUS 2W-be-S).",
                    List.of(new Violation("wsse:Security", "een X.509-handtekening ontbreekt")));
        }
        if (!Oin.fromCertificate(signer.get()).map(partner.oin()::equals).orElse(false)) {
            throw new IntakeException(Probleem.ANDERE_IDENTITEIT, "Het ondertekeningscertificaat hoort niet bij de partner van"
                    + " het TLS-clientcertificaat.", List.of(new Violation("wsse:Security", "ander OIN dan het TLS-certificaat")));
        }
    }
}
