package nl.koppelpunt.hub.regels;

import java.util.List;

import nl.koppelpunt.connectors.bericht.BerichtStatus;

/**
 * A message's status follows from where its parts are: parked anywhere → geparkeerd; a delivery still planned →
 * ontvangen (under way); a delivery failed → mislukt; something delivered → bezorgd; otherwise every part was
 * dropped → vervallen.
 */
final class StatusAfleiding {

    private StatusAfleiding() {
    }

    static BerichtStatus status(boolean geparkeerd, List<Bezorging> bezorgingen) {
        if (geparkeerd) {
            return BerichtStatus.GEPARKEERD;
        }
        if (heeft(bezorgingen, Bezorging.Status.GEPLAND)) {
            return BerichtStatus.ONTVANGEN;
        }
        if (heeft(bezorgingen, Bezorging.Status.MISLUKT)) {
            return BerichtStatus.MISLUKT;
        }
        if (heeft(bezorgingen, Bezorging.Status.BEZORGD)) {
            return BerichtStatus.BEZORGD;
        }
        return BerichtStatus.VERVALLEN;
    }

    private static boolean heeft(List<Bezorging> bezorgingen, Bezorging.Status status) {
        return bezorgingen.stream().anyMatch(b -> b.status() == status);
    }
}
