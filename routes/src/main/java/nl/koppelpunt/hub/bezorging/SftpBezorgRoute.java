package nl.koppelpunt.hub.bezorging;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.HubRouteConfiguration;

/**
 * Delivery over SFTP ({@code kanaal: sftp}, docs/sftp.md): the prepared delivery becomes one file — the envelope
 * ({@link SftpEnvelop}), PGP-encrypted to the gemeente and signed by Koppelpunt ({@link SftpBestand}) — uploaded to
 * the gemeente's server under a temporary name and renamed when complete ({@link SftpDoel}). Like the webhook route
 * it neither retries nor handles errors itself: a failure goes back to {@link Bezorger}, whose subscription route
 * decides on another attempt ({@link HerhaalbareFout}), so every attempt re-checks the rules and is counted.
 */
@Component
public class SftpBezorgRoute extends RouteBuilder {

    public static final String SFTP = "direct:bezorg-sftp";

    private final SftpBestand bestand;

    public SftpBezorgRoute(SftpBestand bestand) {
        this.bestand = bestand;
    }

    @Override
    public void configure() {
        from(SFTP).routeId("bezorg-sftp").routeConfigurationId(HubRouteConfiguration.SYNCHROON)
                .process(bestand::maak).id("bezorg-sftp-versleutelen")
                .doTry()
                    .toD("${exchangeProperty." + SftpBestand.DOEL + "}").id("bezorg-sftp-upload")
                .doFinally()
                    .process(bestand::opruimen).id("bezorg-sftp-opruimen")
                .end();
    }
}
