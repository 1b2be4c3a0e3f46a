package nl.koppelpunt.connectors.beheer;

/** A reload found the partner configuration invalid; the configuration in force stays. */
public class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
