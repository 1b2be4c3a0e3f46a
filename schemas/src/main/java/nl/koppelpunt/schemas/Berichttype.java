package nl.koppelpunt.schemas;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The message types of contract v1, each with its JSON Schema.
 *
 * <p>The {@link #code() code} is the stable name on the wire (URLs, headers, file names); the
 * {@link #subjectPointer() subject pointer} tells the hub where the person's BSN sits, so that
 * routing, pseudonymisation and consent checks do not need per-type code.
 *
 * <p>Types are either {@linkplain #inkomend() inkomend} (partners send them to Koppelpunt) or
 * outbound messages that only Koppelpunt itself sends to a gemeente ({@link #INTREKKING},
 * {@link #ONTKOPPELING}, {@link #INBURGERINGSRESULTATEN_GEMEENTE}); the gateway must refuse the latter from partners.
 */
public enum Berichttype {

    /** The full klantprofiel of a vergunninghouder, versioned; may be partial. */
    KLANTPROFIEL("klantprofiel", "/persoonsgegevens/burgerservicenummer", true),
    /** The limited, unverified screening from the huisvestingsgesprek. */
    SCREENING("screening", "/burgerservicenummer", true),
    /** A koppeling or ontkoppeling of a person to a gemeente. */
    KOPPELING("koppeling", "/burgerservicenummer", true),
    /** Consent given or withdrawn for a recipient gemeente and purpose. */
    TOESTEMMING("toestemming", "/burgerservicenummer", true),
    /**
     * DUO's status of one person's inburgering (termijn, lening, PID). Part of the klantprofiel's inburgering
     * section, so it reaches a gemeente only under the klantprofiel's consent.
     */
    DUO_INBURGERINGSSTATUS("duo-inburgeringsstatus", "/burgerservicenummer", true),
    /** Outbound notice: the person withdrew consent for this gemeente and purpose. Never accepted from partners. */
    INTREKKING("intrekking", "/burgerservicenummer", false),
    /**
     * Outbound notice: the person is no longer linked to this gemeente (ended, or herkoppeld elsewhere;
     * the new gemeente is deliberately not disclosed). Never accepted from partners.
     */
    ONTKOPPELING("ontkoppeling", "/burgerservicenummer", false),
    /**
     * Outbound: DUO's quarterly inburgering results for one gemeente, only its own rows with percentages, sent when
     * DUO delivers (or corrects) a quarter. Aggregates about no person: it has no subject pointer. Never accepted
     * from partners (DUO delivers the whole quarter as {@code inburgeringsresultaten.schema.json}, not a message).
     */
    INBURGERINGSRESULTATEN_GEMEENTE("inburgeringsresultaten-gemeente", null, false);

    private final String code;
    private final String subjectPointer;
    private final boolean inkomend;

    Berichttype(String code, String subjectPointer, boolean inkomend) {
        this.code = code;
        this.subjectPointer = subjectPointer;
        this.inkomend = inkomend;
    }

    /**
     * Whether partners may send this type to Koppelpunt.
     *
     * @return {@code true} for klantprofiel, screening, koppeling, toestemming and duo-inburgeringsstatus; {@code false} for
     *     the outbound notices intrekking and ontkoppeling, which only Koppelpunt sends to a gemeente
     */
    public boolean inkomend() {
        return inkomend;
    }

    /** The types partners may send, in declaration order. */
    public static List<Berichttype> inkomende() {
        return INKOMENDE;
    }

    private static final List<Berichttype> INKOMENDE =
            Arrays.stream(values()).filter(Berichttype::inkomend).toList();

    /** The stable lower-case name, e.g. {@code "klantprofiel"}. */
    public String code() {
        return code;
    }

    /**
     * The type with this code.
     *
     * @param code a code such as {@code "screening"}; case-sensitive, {@code null} allowed
     * @return the type, or empty when no type has this code
     */
    public static Optional<Berichttype> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    /** The schema's file name, e.g. {@code "klantprofiel.schema.json"}; also its relative $id. */
    public String schemaFile() {
        return code + ".schema.json";
    }

    /** The classpath resource of the schema, e.g. {@code "koppelpunt/contracts/v1/klantprofiel.schema.json"}. */
    public String schemaResource() {
        return ContractCatalog.RESOURCE_BASE + schemaFile();
    }

    /**
     * The RFC 6901 pointer of the person's BSN in a message of this type.
     *
     * @return the pointer, or {@code null} for a type about no person ({@link #persoonsgebonden()} false)
     */
    public String subjectPointer() {
        return subjectPointer;
    }

    /**
     * Whether a message of this type is about one person (it carries a BSN). Only such messages are processings of
     * personal data: the processing log and the person-bound rules (koppeling, consent) apply to them alone.
     */
    public boolean persoonsgebonden() {
        return subjectPointer != null;
    }
}
