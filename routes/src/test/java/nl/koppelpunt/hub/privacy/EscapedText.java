package nl.koppelpunt.hub.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line with its escapes undone, so digits are found whatever form they were logged in: {@code %31} → {@code 1} and
 * {@code +} → space (URL), backslash-u 0031 (JSON, Java), {@code \x31}, {@code &#x31;} and {@code &#49;} (XML, HTML).
 * For each character of the result it knows where in the line it came from.
 */
final class EscapedText {

    private static final Pattern ESCAPE = Pattern.compile(
            "%([0-9A-Fa-f]{2})|\\\\u([0-9A-Fa-f]{4})|\\\\x([0-9A-Fa-f]{2})|&#[xX]([0-9A-Fa-f]{1,6});|&#([0-9]{1,7});");

    /** The line, unescaped. */
    final String text;
    /** For each character of {@link #text}: where it starts in the line. */
    final int[] origin;
    /** For each character of {@link #text}: where it ends in the line (exclusive). */
    final int[] originEnd;

    private EscapedText(String text, int[] origin, int[] originEnd) {
        this.text = text;
        this.origin = origin;
        this.originEnd = originEnd;
    }

    static EscapedText undo(String line) {
        StringBuilder text = new StringBuilder(line.length());
        int[] origin = new int[line.length()];
        int[] originEnd = new int[line.length()];
        Matcher escape = ESCAPE.matcher(line);
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            int next = i + 1;
            if (c == '+') {
                c = ' ';
            } else if ((c == '%' || c == '\\' || c == '&') && escape.region(i, line.length()).lookingAt()) {
                int code = codeOf(escape);
                if (code <= 0xFFFF) {
                    c = (char) code;
                    next = escape.end();
                }
            }
            origin[text.length()] = i;
            originEnd[text.length()] = next;
            text.append(c);
            i = next;
        }
        return new EscapedText(text.toString(), origin, originEnd);
    }

    private static int codeOf(Matcher escape) {
        for (int g = 1; g <= 4; g++) {
            if (escape.group(g) != null) {
                return Integer.parseInt(escape.group(g), 16);
            }
        }
        return Integer.parseInt(escape.group(5));
    }
}
