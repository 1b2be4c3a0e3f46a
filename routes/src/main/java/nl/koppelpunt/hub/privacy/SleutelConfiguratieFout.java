package nl.koppelpunt.hub.privacy;

/**
 * The encryption keys are missing or wrong. The gateway refuses to start rather than store personal data it could not
 * protect, or lose access to data it stored before; {@link SleutelConfiguratieAnalyse} turns this into a clear message.
 */
public class SleutelConfiguratieFout extends RuntimeException {

    public SleutelConfiguratieFout(String message) {
        super(message);
    }
}
