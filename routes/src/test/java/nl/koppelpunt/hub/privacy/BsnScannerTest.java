package nl.koppelpunt.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scanner behind {@code GeenBsnInLogsIT} finds a test BSN in every form it claims (so the check can fail), and
 * leaves numbers alone whose digits merely contain a BSN's (so it fails only for a reason).
 */
class BsnScannerTest {

    private static final String BSN = "123456782";
    private static final BsnScanner SCANNER = new BsnScanner(TestBsns.KNOWN);

    // Named by index, not by sample: the samples hold a BSN, and test names end up in the reports that are searched.
    @ParameterizedTest(name = "sample {index}")
    @ValueSource(strings = {
        "2026-11-29T05:22:10.013Z DEBUG 1 --- [main] o.a.Foo : bsn=123456782",
        "{\"burgerservicenummer\":\"123456782\",\"datum\":\"2017-04-12\"}",
        "payload \"{\\\"burgerservicenummer\\\":\\\"123456782\\\"}\" (escaped JSON inside a message)",
        "HTTP POST https://localhost:8443/api/v1/personen/123456782/dossier",
        "GET /zoek?bsn=123456782&x=1",
        "Unexpected error: duplicate key (bsn)=(123456782) already exists",
        "bsn123456782",
    })
    void findsThePlainDigits(String line) {
        assertThat(SCANNER.scan(line)).singleElement().satisfies(f -> {
            assertThat(f.form()).isEqualTo("digits");
            assertThat(f.maskedBsn()).isEqualTo("1*******2");
            assertThat(line.substring(f.start(), f.end())).isEqualTo(BSN);
        });
    }

    @ParameterizedTest(name = "sample {index}")
    @ValueSource(strings = {"bsn 1234.56.782 ontvangen", "bsn: 123 456 782", "bsn=123-456-782;", "(123.456.782)",
        "12 34 56 78 2", "123_456_782", "123\u00A0456\u00A0782"})
    void findsTheDigitsWithSeparators(String line) {
        assertThat(SCANNER.scan(line)).singleElement().satisfies(f ->
                assertThat(f.form()).isEqualTo("digits with separators"));
    }

    @Test
    void findsEscapedDigits() {
        assertThat(forms("q=%7B%22bsn%22%3A%22123456782%22%7D")).containsExactly("digits");
        assertThat(forms("bsn=%31%32%33%34%35%36%37%38%32&x")).containsExactly("url-encoded, digits");
        assertThat(forms("bsn=123+456+782&x")).containsExactly("url-encoded, digits with separators");
        assertThat(forms("bsn=123%20456%20782")).containsExactly("url-encoded, digits with separators");
        assertThat(forms("{\"bsn\":\"\\u0031\\u0032\\u0033\\u0034\\u0035\\u0036\\u0037\\u0038\\u0032\"}"))
                .containsExactly("\\u-escaped, digits");
        assertThat(forms("b'\\x31\\x32\\x33\\x34\\x35\\x36\\x37\\x38\\x32'")).containsExactly("\\x-escaped, digits");
        assertThat(forms("<bsn>&#49;&#50;&#51;&#52;&#53;&#54;&#55;&#56;&#50;</bsn>"))
                .containsExactly("character references, digits");
        assertThat(forms("<bsn>&#x31;&#x32;&#x33;&#x34;&#x35;&#x36;&#x37;&#x38;&#x32;</bsn>"))
                .containsExactly("character references, digits");
    }

    @Test
    void findsHexOfTheDigits() {
        String json = HexFormat.of().formatHex("{\"bsn\":\"123456782\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(forms("body=" + json)).containsExactly("hex");
        assertThat(forms("body=" + json.toUpperCase())).containsExactly("hex");
        assertThat(forms("bytes 313233343536373832")).containsExactly("hex");
        assertThat(forms("[31 32 33 34 35 36 37 38 32]")).containsExactly("hex");
        assertThat(forms("31:32:33:34:35:36:37:38:32")).containsExactly("hex");
        assertThat(forms("{0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x32}")).containsExactly("hex");
    }

    /** The BSN's bytes at each of the three alignments within a base64-encoded payload, in both alphabets. */
    @ParameterizedTest(name = "prefix of {0} bytes")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void findsTheDigitsInsideBase64(int prefix) {
        byte[] payload = ("{\"x\":\"" + "é?>".repeat(3).substring(0, prefix) + "\",\"bsn\":\"123456782\",\"y\":\"~~?>\"}")
                .getBytes(StandardCharsets.UTF_8);
        String standard = Base64.getEncoder().encodeToString(payload);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        assertThat(forms("payload=" + standard + " end")).containsExactly("base64 (digits)");
        assertThat(forms("{\"payload\":\"" + urlSafe + "\"}")).containsExactly("base64 (digits)");
        for (int bytes = 0; bytes < 3; bytes++) {
            String bare = Base64.getEncoder().withoutPadding().encodeToString(("ab".substring(0, bytes) + BSN)
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(forms("x " + bare + " y")).as("alignment %d", bytes).containsExactly("base64 (digits)");
        }
        assertThat(forms(Base64.getEncoder().encodeToString("bsn=123%20456%20782".getBytes(StandardCharsets.US_ASCII))))
                .containsExactly("base64 (url-encoded, digits with separators)");
    }

    @Test
    void findsEveryTestBsnAndTellsThemApart() {
        List<BsnScanner.Finding> found = SCANNER.scan("a=123456782 b=111.222.333 c=999996708");
        assertThat(found).extracting(BsnScanner.Finding::bsnIndex).containsExactly(0, 1, 2);
        assertThat(found).extracting(BsnScanner.Finding::maskedBsn).containsExactly("1*******2", "1*******3", "9*******8");
    }

    @ParameterizedTest(name = "{index}: {0}")
    @ValueSource(strings = {
        // UUIDs: the digits inside a longer run, or glued to letters as a separated group
        "berichtId=5a1b2c3d-4e5f-4a1b-8c2d-0123456782ab",
        "berichtId=12345678-2abc-4def-8abc-123456789012",
        "e2e-1234567820-ffff",
        // timestamps and durations with the digits inside a longer number
        "2026-11-29T05:22:10.1234567820Z",
        "epoch=1712345678212 ms",
        "took 20123456782 ns",
        // longer numbers with separators: an IP-like or version-like number, a phone number
        "10.123.456.782", "123.456.782.1", "06-123-456-782-9",
        // a 20-digit OIN, a port, other BSN-like numbers
        "oin=00000001123456782000 port=18081", "123456789", "123456783", "1234567821",
        // escaped or encoded forms of a longer number
        "%30123456782", "\\u0030123456782", "123456782%30",
        // hex of a longer digit run, and hex that is not aligned on these bytes
        "30313233343536373832", "31323334353637383233", "a313233343536373832b",
        // a pseudonym (HMAC-SHA256, hex) and a JMS message group
        "JMSXGroupID=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    })
    void leavesLongerNumbersAlone(String line) {
        assertThat(SCANNER.scan(line)).isEmpty();
    }

    @Test
    void leavesBase64OfALongerNumberAlone() {
        for (String longer : List.of("1234567820", "0123456782", "x1234567821")) {
            for (String prefix : List.of("", "a", "ab")) {
                String b64 = Base64.getEncoder().encodeToString((prefix + longer).getBytes(StandardCharsets.US_ASCII));
                assertThat(SCANNER.scan("data " + b64)).as("%s%s", prefix, longer).isEmpty();
            }
        }
    }

    @Test
    void aReportNamesFileLineLoggerAndFormButNeverTheBsn(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("koppelpunt-1.log");
        Files.writeString(log, String.join("\n",
                "2026-11-29T05:22:09.307Z DEBUG 4526 --- [koppelpunt] [main] o.s.web.client.RestTemplate              : HTTP POST /x",
                "2026-11-29T05:22:09.332Z DEBUG 4526 --- [koppelpunt] [main] o.s.web.client.RestTemplate              : Writing [{",
                "  \"burgerservicenummer\": \"123456782\", \"kopie\": \"MTIzNDU2Nzgy\"",
                "}]",
                "2026-11-29T05:22:10.013Z  INFO 4526 --- [koppelpunt] [Camel (camel-1) thread #10 - JmsConsumer[a.b]] o.a.c.Foo : 111-222-333"),
                StandardCharsets.UTF_8);

        List<CapturedLogs.Hit> hits = CapturedLogs.search(SCANNER, log);

        assertThat(hits).extracting(CapturedLogs.Hit::line).containsExactly(3, 3, 5);
        assertThat(hits).extracting(CapturedLogs.Hit::eventLine).containsExactly(2, 2, 5);
        assertThat(hits).extracting(CapturedLogs.Hit::logger)
                .containsExactly("o.s.web.client.RestTemplate", "o.s.web.client.RestTemplate", "o.a.c.Foo");
        assertThat(hits).extracting(h -> h.finding().form())
                .containsExactly("digits", "base64 (digits)", "digits with separators");
        for (CapturedLogs.Hit hit : hits) {
            String report = hit.describe(dir);
            assertThat(report).startsWith("koppelpunt-1.log:" + hit.line() + ": test BSN #");
            assertThat(SCANNER.scan(report)).as(report).isEmpty();
        }
    }

    @Test
    void theTestBsnsIncludeTheKnownOnesAndOnlyValidOnes() {
        List<String> bsns = TestBsns.collect(Path.of(System.getProperty("basedir", ".")));
        assertThat(bsns).startsWith(TestBsns.KNOWN.toArray(String[]::new))
                .allMatch(nl.koppelpunt.schemas.Bsn::isValid);
    }

    private static List<String> forms(String line) {
        return SCANNER.scan(line).stream().map(BsnScanner.Finding::form).toList();
    }
}
