package nl.koppelpunt.hub.sftp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.koppelpunt.schemas.Berichttype;

/**
 * The naming rule for batch files: {@code <berichttype>.<eigen-naam>.<formaat>[.pgp|.gpg|.asc]}, e.g.
 * {@code klantprofiel.2026-11-29-ochtend.ndjson} or {@code screening.week48.xml.pgp}. The first part names the type
 * of every message; the own part is 1 to 120 characters from {@code A-Z a-z 0-9 . _ -}, starting with a letter or
 * digit and without {@code ..}; the format is {@code ndjson} or {@code xml}; a last {@code .pgp}, {@code .gpg}
 * (binary) or {@code .asc} (ASCII-armored) marks a file PGP-encrypted to Koppelpunt. Anything else is refused: names
 * end up in file names we write and in logs.
 */
record Batchnaam(Berichttype type, String naam, Formaat formaat, boolean versleuteld) {

    /** How the messages in the file are written. */
    enum Formaat { NDJSON, XML }

    /**
     * Every file name the batch verwerker is offered (the exact rule is {@link #lees}). {@code (?s)}: '.' also matches
     * a newline, so such a name is picked up and refused instead of lying in the inbox without an answer.
     */
    static final Pattern KANDIDAAT = Pattern.compile("(?s).*\\.(ndjson|xml)(\\.(pgp|gpg|asc))?");

    private static final Pattern NAAM = Pattern.compile(
            "^([a-z][a-z-]{0,39})\\.([A-Za-z0-9][A-Za-z0-9._-]{0,119})\\.(ndjson|xml)(\\.(pgp|gpg|asc))?$");
    private static final Pattern VEILIG = Pattern.compile("[^A-Za-z0-9._-]");

    /** @return the parsed name, or empty when the name breaks the rule or names no known type */
    static Optional<Batchnaam> lees(String bestandsnaam) {
        Matcher m = NAAM.matcher(bestandsnaam);
        if (!m.matches() || bestandsnaam.contains("..")) {
            return Optional.empty();
        }
        Formaat formaat = "xml".equals(m.group(3)) ? Formaat.XML : Formaat.NDJSON;
        boolean versleuteld = m.group(4) != null;
        return Berichttype.fromCode(m.group(1)).map(type -> new Batchnaam(type, bestandsnaam, formaat, versleuteld));
    }

    /** A name that is safe to write beside the upload, for the error file of a refused name. */
    static String veilig(String bestandsnaam) {
        String s = VEILIG.matcher(bestandsnaam).replaceAll("_").replace("..", "__");
        s = s.startsWith(".") ? "_" + s.substring(1) : s;
        return s.length() > 120 ? s.substring(0, 120) : s;
    }
}
