package nl.koppelpunt.hub.bezorging;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.HubRouteConfiguration;

/**
 * The outbound webhook call: a POST of the prepared request. It neither retries nor handles errors itself — also the
 * HTTP client's own retries (of 503 and 429) are off, see camel.component.http in application.yaml — so every
 * attempt passes the rules and is counted: a failure
 * goes back to {@link Bezorger}, whose subscription route decides on another attempt.
 */
@Component
public class BezorgRoute extends RouteBuilder {

    public static final String WEBHOOK = "direct:bezorg-webhook";

    @Override
    public void configure() {
        from(WEBHOOK).routeId("bezorg-webhook").routeConfigurationId(HubRouteConfiguration.SYNCHROON)
                .to("http://koppelpunt-webhook?throwExceptionOnFailure=true&skipResponseHeaders=true"
                        + "&connectTimeout={{koppelpunt.bezorging.connect-timeout-ms}}"
                        + "&responseTimeout={{koppelpunt.bezorging.response-timeout-ms}}").id("bezorg-webhook-post");
    }
}
