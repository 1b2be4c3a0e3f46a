package nl.koppelpunt.hub.sftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a file line by line ({@code \n}, an optional {@code \r} before it is dropped) holding at most one line, and
 * at most {@code maxBytes} of it: a line that is longer is skipped to its end and reported as too long, so a file
 * without newlines cannot fill the heap.
 */
final class RegelLezer {

    /** Returned for a line longer than the limit (its bytes are skipped, not kept). */
    static final byte[] TE_LANG = new byte[0];

    private final InputStream in;
    private final int maxBytes;
    private final ByteArrayOutputStream regel = new ByteArrayOutputStream(1024);
    private long bytesGelezen;

    RegelLezer(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** @return the next line without its line end, {@link #TE_LANG}, or null at the end of the file */
    byte[] volgende() throws IOException {
        regel.reset();
        boolean teLang = false;
        boolean iets = false;
        int b;
        while ((b = in.read()) != -1) {
            bytesGelezen++;
            iets = true;
            if (b == '\n') {
                break;
            }
            if (!teLang) {
                if (regel.size() >= maxBytes) {
                    teLang = true;
                    regel.reset();
                } else {
                    regel.write(b);
                }
            }
        }
        if (!iets) {
            return null;
        }
        if (teLang) {
            return TE_LANG;
        }
        byte[] bytes = regel.toByteArray();
        return bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? Arrays.copyOf(bytes, bytes.length - 1) : bytes;
    }

    /** How far into the file this reader is: lets a test show that lines are read one at a time. */
    long bytesGelezen() {
        return bytesGelezen;
    }
}
