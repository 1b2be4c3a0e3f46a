package nl.koppelpunt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The seed's klantprofiel exactly as published (3.7 KB, formatting included), with the person's test BSN and the
 * profile version substituted as text; plus the koppeling and toestemming of the set-up phase.
 */
public final class Payloads {

    static final String SEED = "koppelpunt/contracts/v1/examples/klantprofiel/valid/seed-klantprofiel.json";
    private static final String BSN_FIELD = "\"burgerservicenummer\": \"123456782\"";
    private static final String VERSION_FIELD = "\"profielversie\": 1,";

    private final String before;
    private final String middle;
    private final String after;

    public Payloads() {
        String seed = seedText();
        int v = once(seed, VERSION_FIELD);
        int b = once(seed, BSN_FIELD);
        if (v > b) {
            throw new IllegalStateException("seed klantprofiel: expected profielversie before the BSN");
        }
        before = seed.substring(0, v) + "\"profielversie\": ";
        middle = "," + seed.substring(v + VERSION_FIELD.length(), b) + "\"burgerservicenummer\": \"";
        after = "\"" + seed.substring(b + BSN_FIELD.length());
    }

    public byte[] klantprofiel(String bsn, int versie) {
        return (before + versie + middle + bsn + after).getBytes(StandardCharsets.UTF_8);
    }

    public int seedSize() {
        return seedText().getBytes(StandardCharsets.UTF_8).length;
    }

    public static byte[] koppeling(String bsn, String gemeentecode) {
        return ("{\"burgerservicenummer\":\"" + bsn + "\",\"soort\":\"koppeling\",\"gemeentecode\":\"" + gemeentecode
                + "\",\"arbeidsmarktregio\":\"AM12\",\"datum\":\"2017-03-20\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Given, for handing over the klantprofiel, from 2017-03-21, no end date: in force today. */
    public static byte[] toestemming(String bsn, String gemeentecode) {
        return ("{\"burgerservicenummer\":\"" + bsn + "\",\"gemeentecode\":\"" + gemeentecode
                + "\",\"doel\":\"overdracht-klantprofiel\",\"status\":\"gegeven\",\"datum\":\"2017-03-21\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] seedBytes() {
        try (InputStream in = Payloads.class.getClassLoader().getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SEED + " (koppelpunt-schemas on the class path?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seedText() {
        return new String(seedBytes(), StandardCharsets.UTF_8);
    }

    private static int once(String text, String part) {
        int i = text.indexOf(part);
        if (i < 0 || text.indexOf(part, i + 1) >= 0) {
            throw new IllegalStateException("seed klantprofiel: expected exactly one " + part);
        }
        return i;
    }
}
