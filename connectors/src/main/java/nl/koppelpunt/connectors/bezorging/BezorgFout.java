package nl.koppelpunt.connectors.bezorging;

/**
 * A delivery channel's verdict on a failed attempt, for channels whose failures are not HTTP statuses or plain I/O
 * errors (a SOAP fault, for one): whether another attempt may succeed, and a short, log-safe description (a code,
 * never a body: a receiver's answer may echo personal data).
 */
public class BezorgFout extends Exception {

    private final boolean herhaalbaar;

    public BezorgFout(String beschrijving, boolean herhaalbaar) {
        super(beschrijving);
        this.herhaalbaar = herhaalbaar;
    }

    /** True when the receiver is down or busy and the same message may be accepted later. */
    public boolean herhaalbaar() {
        return herhaalbaar;
    }

    /** What goes into the delivery's {@code laatsteFout}, e.g. {@code "SOAP-fault soap:Server"}. */
    public String beschrijving() {
        return getMessage();
    }
}
