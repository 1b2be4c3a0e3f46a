package nl.koppelpunt.connectors.bericht;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a message stands, as shown to its sender and to administrators. */
public enum BerichtStatus {
    /** Accepted and durable; on its way through the hub. */
    ONTVANGEN,
    /** Kept aside until a missing koppeling or consent arrives. */
    GEPARKEERD,
    /** Delivered to every subscription it was meant for. */
    BEZORGD,
    /** Dropped on purpose, with a reason (consent withdrawn, a newer version delivered, retention passed). */
    VERVALLEN,
    /** Could not be delivered; dead-lettered and waiting for an administrator. */
    MISLUKT;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BerichtStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
