package nl.koppelpunt.hub.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: "a 100,000-line file must not need 100,000 lines of heap". Measured, not timed: the production
 * {@link BatchVerwerker} processes a generated 100,000-line batch (~44 MB) in a child JVM whose whole heap is
 * {@value #XMX} — less than half the file — and a full GC every 10,000 lines records the live heap mid-batch.
 *
 * <ul>
 * <li>Streaming: the run completes, and the live heap at line 100,000 is within {@value #MAX_GROEI_KB} KiB of the
 * live heap at line 10,000 (no per-line growth: 90,000 more lines would add ~36 MB if kept).</li>
 * <li>Control: the same JVM settings with a sink that keeps each message, as reading a batch into memory would,
 * die of OutOfMemoryError. Without this the first result could just mean the limit was not binding.</li>
 * </ul>
 * The numbers are in docs/sftp.md; this prints them on every run.
 */
class SftpGeheugenIT {

    private static final String XMX = "-Xmx16m";
    private static final int REGELS = 100_000;
    private static final int MEET_ELKE = 10_000;
    private static final long MAX_GROEI_KB = 1024;
    private static final Pattern UITKOMST = Pattern.compile("geaccepteerd=(\\d+) fouten=(\\d+) bewaard=(\\d+) voor-kb=(\\d+) levend-kb=([\\d,]+)");

    @TempDir
    static Path map;
    static Path batch;

    @BeforeAll
    static void maakBatch() throws Exception {
        batch = map.resolve("screening.honderdduizend.ndjson");
        // A screening with a longer free text, ~440 bytes a line: the size of a real one with ambitions filled in.
        String ambities = "Eigen winkel in auto-onderdelen; eerst de taal, dan een opleiding in de techniek. ".repeat(4);
        try (BufferedWriter uit = Files.newBufferedWriter(batch, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= REGELS; i++) {
                uit.write("{\"id\": \"geheugen-" + i + "\", \"bericht\": {\"burgerservicenummer\": \"123456782\", "
                        + "\"datum\": \"2017-03-20\", \"ambities\": \"" + ambities + "\", \"sectoren\": [\"techniek\", \"detailhandel\"]}}\n");
            }
        }
    }

    @Test
    void honderdduizendRegelsInEenHeapKleinerDanHetBestand() throws Exception {
        long bestandKb = Files.size(batch) / 1024;
        Uitkomst stroom = draai("stroom");
        assertThat(stroom.exitcode).as(stroom.uitvoer).isZero();
        Matcher m = UITKOMST.matcher(stroom.uitvoer);
        assertThat(m.find()).as(stroom.uitvoer).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(REGELS);
        assertThat(Integer.parseInt(m.group(2))).isZero();
        long[] levendKb = Arrays.stream(m.group(5).split(",")).mapToLong(Long::parseLong).toArray();
        assertThat(levendKb).hasSize(REGELS / MEET_ELKE);
        System.out.printf("SftpGeheugenIT: %d lines, file %d KiB, %s: live heap before the batch %s KiB, after a GC every"
                        + " %d lines (KiB) %s; growth from line %d to %d: %d KiB%n", REGELS, bestandKb, XMX, m.group(4),
                MEET_ELKE, Arrays.toString(levendKb), MEET_ELKE, REGELS, levendKb[levendKb.length - 1] - levendKb[0]);
        assertThat(levendKb[levendKb.length - 1] - levendKb[0]).as("growth over 90,000 lines (KiB)").isLessThan(MAX_GROEI_KB);

        Uitkomst bewaar = draai("bewaar");
        System.out.printf("SftpGeheugenIT: control (keeping every message) with %s: exit %d%n", XMX, bewaar.exitcode);
        assertThat(bewaar.exitcode).as("the control must not fit: %s", bewaar.uitvoer).isNotZero();
        assertThat(bewaar.uitvoer).contains("OutOfMemoryError");
    }

    private record Uitkomst(int exitcode, String uitvoer) {
    }

    private static Uitkomst draai(String soort) throws Exception {
        Path log = map.resolve(soort + ".out");
        List<String> opdracht = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), XMX,
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), GeheugenMeting.class.getName(),
                batch.toString(), soort, String.valueOf(MEET_ELKE));
        Process proces = new ProcessBuilder(opdracht).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!proces.waitFor(5, TimeUnit.MINUTES)) {
            proces.destroyForcibly();
            throw new AssertionError("measurement did not finish within 5 minutes");
        }
        return new Uitkomst(proces.exitValue(), Files.readString(log));
    }
}
