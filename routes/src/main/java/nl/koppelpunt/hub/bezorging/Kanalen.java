package nl.koppelpunt.hub.bezorging;

import java.util.Map;

/**
 * Which route delivers over which channel ({@code kanaal} of a subscription). Every channel route gets the same
 * prepared exchange ({@link BezorgVoorbereiding}: the section-filtered JSON and the delivery's headers) and does one
 * attempt; it neither retries nor handles errors, the subscription route does that for all channels alike. A new
 * channel is one entry here, one route, and its name in the partner loader's list.
 */
public final class Kanalen {

    private static final Map<String, String> ROUTES = Map.of(
            "rest", BezorgRoute.WEBHOOK,
            "soap", SoapBezorgRoute.SOAP,
            "sftp", SftpBezorgRoute.SFTP);

    private Kanalen() {
    }

    /** The endpoint of the channel's delivery route, e.g. {@code direct:bezorg-soap}. */
    public static String route(String kanaal) {
        String route = ROUTES.get(kanaal);
        if (route == null) {
            throw new IllegalStateException("no delivery route for kanaal '" + kanaal + "'");
        }
        return route;
    }
}
