package nl.koppelpunt.connectors.intake;

/**
 * Why a message was refused, independent of the channel. Each adapter maps these to its own form of error
 * (problem+json status, SOAP fault code, SFTP error file).
 */
public enum Probleem {
    /** Not JSON, too deep, or not valid against the contract. */
    ONGELDIG_BERICHT("ongeldig-bericht", "Het bericht voldoet niet aan het contract"),
    /** A required header or parameter is missing or malformed. */
    ONGELDIG_VERZOEK("ongeldig-verzoek", "Het verzoek is onvolledig of onjuist"),
    /** The caller is authenticated but its role (or its configuration) does not allow this: send this type, read this. */
    NIET_TOEGESTAAN("niet-toegestaan", "Niet toegestaan voor deze partner"),
    /** A header or body field names another party's OIN than the caller's certificate: impersonation. */
    ANDERE_IDENTITEIT("andere-identiteit", "De opgegeven identiteit is niet die van het certificaat"),
    /** The idempotency key was used before for a different message. */
    IDEMPOTENTIE_CONFLICT("idempotentie-conflict", "Deze Idempotency-Key is al gebruikt voor een ander bericht"),
    /** The database or the broker cannot take the message now; the sender may retry with the same key. */
    HUB_NIET_BESCHIKBAAR("hub-niet-beschikbaar", "Koppelpunt kan het bericht nu niet veilig opslaan"),
    /** Too much accepted work is still waiting (admission control); the sender may retry with the same key. */
    HUB_OVERBELAST("hub-overbelast", "Koppelpunt neemt tijdelijk geen nieuwe berichten aan");

    private final String slug;
    private final String titel;

    Probleem(String slug, String titel) {
        this.slug = slug;
        this.titel = titel;
    }

    public String slug() {
        return slug;
    }

    public String titel() {
        return titel;
    }
}
