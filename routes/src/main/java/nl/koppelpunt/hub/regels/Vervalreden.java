package nl.koppelpunt.hub.regels;

/** Why a message or delivery was dropped on purpose. Shown to administrators and senders; never personal data. */
public final class Vervalreden {

    public static final String TOESTEMMING_INGETROKKEN = "toestemming ingetrokken";
    public static final String GEEN_GELDIGE_TOESTEMMING = "geen geldige toestemming op het moment van bezorgen";
    public static final String NIET_MEER_GEKOPPELD = "niet meer gekoppeld aan deze gemeente";
    public static final String VEROUDERDE_VERSIE = "verouderde profielversie: de gemeente heeft al een nieuwere of gelijke versie";
    public static final String VERVANGEN = "vervangen door een nieuwer bericht van dezelfde soort";
    public static final String GEEN_ABONNEMENT = "de gemeente heeft geen abonnement op dit berichttype";
    public static final String BEWAARTERMIJN = "bewaartermijn van geparkeerd bericht verstreken";

    private Vervalreden() {
    }
}
