package nl.koppelpunt.hub.bezorging;

import java.io.IOException;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.http.base.HttpOperationFailedException;

import nl.koppelpunt.connectors.bezorging.BezorgFout;

/**
 * Which failed attempts are worth repeating: the receiver is down or busy (5xx, 408, 429) or unreachable (connection
 * refused, timeouts, resets), or a channel says so ({@link BezorgFout}: a soap:Server fault). Any other 4xx, or a
 * soap:Client fault, says the receiver refuses this message; repeating would not change that.
 * Over SFTP every failure of the server conversation is repeated — no connection, a host key that does not match,
 * a refused login, a full disk, a missing folder: each is the server's state or its configuration, which its owner
 * can put right within the retries, and none of them says the message itself is unacceptable.
 */
public class HerhaalbareFout implements Predicate {

    @Override
    public boolean matches(Exchange exchange) {
        Throwable fout = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (fout instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            return status >= 500 || status == 408 || status == 429;
        }
        if (fout instanceof BezorgFout kanaal) {
            return kanaal.herhaalbaar();
        }
        return fout instanceof IOException || fout instanceof GenericFileOperationFailedException;
    }

    /** A short, log-safe description of a failed attempt (status and class, never a body). */
    public static String beschrijf(Throwable fout) {
        if (fout instanceof HttpOperationFailedException http) {
            return "HTTP " + http.getStatusCode();
        }
        if (fout instanceof BezorgFout kanaal) {
            return kanaal.beschrijving();
        }
        if (fout instanceof GenericFileOperationFailedException sftp) {
            return SftpFout.beschrijf(sftp);
        }
        return fout == null ? "onbekend" : fout.getClass().getSimpleName();
    }
}
