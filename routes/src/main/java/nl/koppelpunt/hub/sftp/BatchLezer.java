package nl.koppelpunt.hub.sftp;

import java.io.IOException;

/** Reads the messages of one batch file in one pass, one at a time, in constant memory. */
interface BatchLezer {

    /** @return the next message or unreadable entry, or null at the end */
    BatchItem volgende() throws IOException;

    /** How a JSON pointer from the contract check is shown to the partner (XML: the element path). */
    default String veld(String pointer) {
        return pointer;
    }
}
