package nl.koppelpunt.hub.bezorging;

import org.apache.camel.component.file.GenericFileOperationFailedException;

/**
 * The last error of a failed SFTP attempt as an operator needs it: what Camel tried (connect, store, rename — with
 * the server's address and the file name, a delivery id) and why the SSH library said no ("HostKey has been changed",
 * "Auth fail", "Connection refused"). Neither ever holds message content.
 */
final class SftpFout {

    private static final int MAX = 300;

    private SftpFout() {
    }

    static String beschrijf(GenericFileOperationFailedException fout) {
        StringBuilder tekst = new StringBuilder("SFTP: ").append(fout.getMessage());
        Throwable oorzaak = fout.getCause();
        // The innermost cause names the real reason (a ConnectException inside a JSchException inside ...).
        while (oorzaak != null && oorzaak.getCause() != null && oorzaak.getCause() != oorzaak) {
            oorzaak = oorzaak.getCause();
        }
        if (oorzaak != null) {
            tekst.append(" (").append(oorzaak.getClass().getSimpleName());
            if (oorzaak.getMessage() != null) {
                tekst.append(": ").append(oorzaak.getMessage());
            }
            tekst.append(')');
        }
        return tekst.length() > MAX ? tekst.substring(0, MAX) : tekst.toString();
    }
}
