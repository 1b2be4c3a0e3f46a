package nl.koppelpunt.hub.beveiliging;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Keeps a copy of everything written to standard out and standard error from the moment it starts: the gateway's
 * logs go to the console (Logback's console appender looks up {@code System.out} on every write), so this is every
 * log line, rendered as an operator would see it. Capped, so a long test run cannot fill the heap.
 */
final class LogVanger {

    private static final int MAX_BYTES = 64 * 1024 * 1024;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream kopie = new ByteArrayOutputStream();

    private LogVanger() {
    }

    static LogVanger vangAlles() {
        LogVanger vanger = new LogVanger();
        System.setOut(new PrintStream(vanger.tee(vanger.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(vanger.tee(vanger.err), true, StandardCharsets.UTF_8));
        return vanger;
    }

    /** Puts the original streams back and lets go of the copy. */
    synchronized void ontkoppel() {
        System.setOut(out);
        System.setErr(err);
        kopie.reset();
    }

    synchronized List<String> regels() {
        return kopie.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private OutputStream tee(PrintStream origineel) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                origineel.write(b);
                bewaar(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                origineel.write(b, off, len);
                bewaar(b, off, len);
            }

            @Override
            public void flush() {
                origineel.flush();
            }
        };
    }

    private synchronized void bewaar(byte[] b, int off, int len) {
        if (kopie.size() + len <= MAX_BYTES) {
            kopie.write(b, off, len);
        }
    }
}
