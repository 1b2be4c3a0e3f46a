package nl.koppelpunt.hub.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds known BSNs in a line of text, in every form a value takes on its way into a log: a payload, a URI, an
 * exception message, an encoded body. Per BSN:
 * <ul>
 * <li>its digits, also with separators between them ({@code 1234.56.782}, {@code 123 456 782}, {@code 123-456-782});</li>
 * <li>those digits escaped: URL-encoded ({@code %31}, {@code +} for a space), JSON or Java (backslash, u, 0031), {@code \x31},
 * XML/HTML character references ({@code &#x31;}, {@code &#49;});</li>
 * <li>hex of its UTF-8 digits ({@code 313233...}, also as {@code 31 32 33}, {@code 31:32}, {@code 0x31 0x32});</li>
 * <li>inside base64 (standard or URL-safe alphabet, padded or not) at any of the three byte alignments: every run of
 * base64 characters is decoded from each of its first four positions and the result is searched like a line.</li>
 * </ul>
 * Only whole numbers count: digits that are part of a longer digit run (a UUID, a timestamp, a port, a long id) do
 * not; digits with separators must not touch a letter or digit nor continue a longer separated number
 * ({@code 10.123.456.782}). The scanner never returns the BSN itself, only its index and a masked form.
 */
public final class BsnScanner {

    /** One occurrence in a line: its span {@code [start, end)} in the line, the form, and which BSN (masked). */
    public record Finding(int start, int end, String form, int bsnIndex, String maskedBsn) {
    }

    private static final String SEPARATOR = "[ \\t\\u00A0._-]";
    /** A run of base64 characters (both alphabets) long enough to hold 9 encoded digits. */
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{12,}");
    /** Between two hex pairs: nothing, a space, colon, comma or dash, ", ", or the next pair's 0x. */
    private static final String HEX_JOIN = "(?:[,;]? |[ :,;-]|(?=0[xX]))?";
    private static final Pattern HEX_PAIR_BEFORE = Pattern.compile("3[0-9]" + HEX_JOIN + "(?:0[xX])?$");
    private static final Pattern HEX_PAIR_AFTER = Pattern.compile("^" + HEX_JOIN + "(?:0[xX])?3[0-9]");

    private final List<String> bsns;
    private final List<Pattern> plain = new ArrayList<>();
    private final List<Pattern> separated = new ArrayList<>();
    private final List<Pattern> hex = new ArrayList<>();

    public BsnScanner(List<String> bsns) {
        this.bsns = List.copyOf(bsns);
        for (String bsn : this.bsns) {
            if (!bsn.matches("[0-9]{9}")) {
                throw new IllegalArgumentException("not 9 digits: " + mask(bsn));
            }
            plain.add(Pattern.compile("(?<![0-9])" + bsn + "(?![0-9])"));
            StringBuilder withSeparators = new StringBuilder("(?<![0-9A-Za-z])(?<![0-9]" + SEPARATOR + ")");
            StringBuilder hexPairs = new StringBuilder();
            for (int i = 0; i < bsn.length(); i++) {
                if (i > 0) {
                    withSeparators.append(SEPARATOR).append('?');
                    hexPairs.append(HEX_JOIN);
                }
                withSeparators.append(bsn.charAt(i));
                hexPairs.append("(?:0[xX])?3").append(bsn.charAt(i));
            }
            withSeparators.append("(?![0-9A-Za-z])(?!" + SEPARATOR + "[0-9])");
            separated.add(Pattern.compile(withSeparators.toString()));
            hex.add(Pattern.compile(hexPairs.toString()));
        }
    }

    /** Every occurrence of one of the BSNs in the line, in order of position. */
    public List<Finding> scan(String line) {
        List<Finding> found = new ArrayList<>();
        scanText(line, found);
        scanHex(line, found);
        scanBase64(line, found);
        found.sort(Comparator.comparingInt(Finding::start));
        return found;
    }

    /** {@code 1*******2}: enough to tell the test BSNs apart in a report, without writing one down. */
    public static String mask(String bsn) {
        if (bsn == null || bsn.length() < 3) {
            return "***";
        }
        return bsn.charAt(0) + "*".repeat(bsn.length() - 2) + bsn.charAt(bsn.length() - 1);
    }

    /**
     * The line with every finding replaced by {@code [BSN #n, form]}, cut to about {@code width} characters around the
     * first finding: safe to print.
     */
    public static String maskedExcerpt(String line, List<Finding> findings, int width) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        int firstMark = -1;
        for (Finding f : findings) {
            if (f.start() < at) {
                continue; // overlaps one already masked (e.g. the same digits found as text and as hex)
            }
            out.append(line, at, f.start());
            if (firstMark < 0) {
                firstMark = out.length();
            }
            out.append("[BSN #").append(f.bsnIndex() + 1).append(", ").append(f.form()).append(']');
            at = f.end();
        }
        out.append(line, at, line.length());
        int from = Math.max(0, Math.max(firstMark, 0) - width / 2);
        int to = Math.min(out.length(), from + width);
        return (from > 0 ? "…" : "") + out.substring(from, to) + (to < out.length() ? "…" : "");
    }

    // ------------------------------------------------------------------------------------------------- the forms

    /** Digits, plain or with separators, after undoing the escapes ({@link EscapedText}). */
    private void scanText(String line, List<Finding> found) {
        EscapedText decoded = EscapedText.undo(line);
        for (int b = 0; b < bsns.size(); b++) {
            Matcher m = plain.get(b).matcher(decoded.text);
            while (m.find()) {
                add(found, decoded, m.start(), m.end(), b, line);
            }
            m = separated.get(b).matcher(decoded.text);
            while (m.find()) {
                if (m.end() - m.start() > bsns.get(b).length()) { // without separators it is the plain form above
                    add(found, decoded, m.start(), m.end(), b, line);
                }
            }
        }
    }

    private void add(List<Finding> found, EscapedText decoded, int start, int end, int bsnIndex, String line) {
        int from = decoded.origin[start];
        int to = decoded.originEnd[end - 1];
        String original = line.substring(from, to);
        List<String> forms = new ArrayList<>();
        if (original.contains("%") || original.contains("+")) {
            forms.add("url-encoded");
        }
        if (original.contains("\\u")) {
            forms.add("\\u-escaped");
        }
        if (original.contains("\\x")) {
            forms.add("\\x-escaped");
        }
        if (original.contains("&#")) {
            forms.add("character references");
        }
        forms.add(end - start > 9 ? "digits with separators" : "digits");
        found.add(new Finding(from, to, String.join(", ", forms), bsnIndex, mask(bsns.get(bsnIndex))));
    }

    /** Hex of the digits' bytes (each digit {@code 0x30 + d}), contiguous or as separated pairs. */
    private void scanHex(String line, List<Finding> found) {
        for (int b = 0; b < bsns.size(); b++) {
            Matcher m = hex.get(b).matcher(line);
            int from = 0;
            while (from < line.length() && m.find(from)) {
                from = m.start() + 1;
                String before = line.substring(Math.max(0, m.start() - 8), m.start());
                String after = line.substring(m.end(), Math.min(line.length(), m.end() + 8));
                if (HEX_PAIR_BEFORE.matcher(before).find() || HEX_PAIR_AFTER.matcher(after).find()) {
                    continue; // a longer run of digit bytes
                }
                if (hexRunLength(line, m.start() - 1, -1) % 2 != 0 || hexRunLength(line, m.end(), 1) % 2 != 0) {
                    continue; // the pairs of the hex text around it fall elsewhere: these are not these bytes
                }
                found.add(new Finding(m.start(), m.end(), "hex", b, mask(bsns.get(b))));
                from = m.end();
            }
        }
    }

    private static int hexRunLength(String line, int from, int step) {
        int n = 0;
        for (int i = from; i >= 0 && i < line.length() && Character.digit(line.charAt(i), 16) >= 0; i += step) {
            n++;
        }
        return n;
    }

    /**
     * Base64: the BSN's 9 bytes sit at one of three alignments in whatever was encoded, so each run of base64
     * characters is decoded from positions 0 to 3 (one of them is where the encoding really starts) and the bytes are
     * searched as text. Only a finding is reported, never what was decoded.
     */
    private void scanBase64(String line, List<Finding> found) {
        Matcher run = BASE64_RUN.matcher(line);
        while (run.find()) {
            String chars = run.group().replace('-', '+').replace('_', '/');
            boolean[] reported = new boolean[bsns.size()];
            for (int offset = 0; offset < 4 && chars.length() - offset >= 12; offset++) {
                String part = chars.substring(offset);
                if (part.length() % 4 == 1) {
                    part = part.substring(0, part.length() - 1);
                }
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(part);
                } catch (IllegalArgumentException notBase64) {
                    continue;
                }
                String text = new String(bytes, StandardCharsets.UTF_8);
                List<Finding> inner = new ArrayList<>();
                scanText(text, inner);
                for (Finding f : inner) {
                    if (!reported[f.bsnIndex()]) {
                        reported[f.bsnIndex()] = true;
                        found.add(new Finding(run.start(), run.end(), "base64 (" + f.form() + ")", f.bsnIndex(), f.maskedBsn()));
                    }
                }
            }
        }
    }
}
