package nl.koppelpunt.hub.bezorging;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.HubRouteConfiguration;

/**
 * The outbound webhook call: the prepared request is signed ({@link Ondertekenaar}) and POSTed. It neither retries
 * nor handles errors itself — also the HTTP client's own retries (of 503 and 429) are off, see camel.component.http
 * in application.yaml — so every attempt passes the rules, is signed and is counted: a failure goes back to
 * {@link Bezorger}, whose subscription route decides on another attempt.
 */
@Component
public class BezorgRoute extends RouteBuilder {

    public static final String WEBHOOK = "direct:bezorg-webhook";

    private final Ondertekenaar ondertekenaar;

    public BezorgRoute(Ondertekenaar ondertekenaar) {
        this.ondertekenaar = ondertekenaar;
    }

    @Override
    public void configure() {
        from(WEBHOOK).routeId("bezorg-webhook").routeConfigurationId(HubRouteConfiguration.SYNCHROON)
                .process(ondertekenaar).id("bezorg-webhook-ondertekenen")
                .to("http://koppelpunt-webhook?throwExceptionOnFailure=true&skipResponseHeaders=true"
                        + "&connectTimeout={{koppelpunt.bezorging.connect-timeout-ms}}"
                        + "&responseTimeout={{koppelpunt.bezorging.response-timeout-ms}}").id("bezorg-webhook-post");
    }
}
