package nl.koppelpunt.connectors.beheer;

/** A replay was asked for a message that is neither parked nor failed. */
public class NothingToReplayException extends RuntimeException {

    public NothingToReplayException(String message) {
        super(message);
    }
}
