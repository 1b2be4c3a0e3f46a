package nl.koppelpunt.hub.regels;

import java.util.UUID;

import nl.koppelpunt.schemas.Berichttype;

/** One delivery of one message to one subscription. Its id is the Idempotency-Key the receiver sees on every attempt. */
public record Bezorging(UUID id, UUID berichtId, String abonnementId, String gemeentecode, Berichttype type,
                        String onderwerpPseudoniem, Integer profielversie, Status status) {

    /** Lifecycle of a delivery. */
    public enum Status {
        GEPLAND, BEZORGD, VERVALLEN, MISLUKT;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status fromCode(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * A message Koppelpunt itself sends (an outbound-only type): a notice that something ended, or DUO's figures for
     * this gemeente. Such messages are never held back by the koppeling and consent rules: a notice reports on them,
     * and the figures are about no person.
     */
    public boolean isKennisgeving() {
        return !type.inkomend();
    }
}
