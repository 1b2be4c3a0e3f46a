package nl.koppelpunt.hub.sftp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.koppelpunt.schemas.Berichttype;

/**
 * The naming rule for batch files: {@code <berichttype>.<eigen-naam>.ndjson}, e.g.
 * {@code klantprofiel.2026-11-29-ochtend.ndjson}. The first part names the type of every line (a type code, so
 * lower case and hyphens: {@code duo-inburgeringsstatus}); the own part is
 * 1 to 120 characters from {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit and without {@code ..}.
 * Anything else is refused: names end up in file names we write and in logs.
 */
record Batchnaam(Berichttype type, String naam) {

    private static final Pattern NAAM = Pattern.compile("^([a-z][a-z-]{0,31})\\.([A-Za-z0-9][A-Za-z0-9._-]{0,119})\\.ndjson$");
    private static final Pattern VEILIG = Pattern.compile("[^A-Za-z0-9._-]");

    /** @return the parsed name, or empty when the name breaks the rule or names no known type */
    static Optional<Batchnaam> lees(String bestandsnaam) {
        Matcher m = NAAM.matcher(bestandsnaam);
        if (!m.matches() || bestandsnaam.contains("..")) {
            return Optional.empty();
        }
        return Berichttype.fromCode(m.group(1)).map(type -> new Batchnaam(type, bestandsnaam));
    }

    /** A name that is safe to write beside the upload, for the error file of a refused name. */
    static String veilig(String bestandsnaam) {
        String s = VEILIG.matcher(bestandsnaam).replaceAll("_").replace("..", "__");
        s = s.startsWith(".") ? "_" + s.substring(1) : s;
        return s.length() > 120 ? s.substring(0, 120) : s;
    }
}
