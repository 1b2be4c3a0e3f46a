package nl.koppelpunt.connectors.rest;

/** A resource that does not exist or that the caller may not see (answered the same, so neither can be probed). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
