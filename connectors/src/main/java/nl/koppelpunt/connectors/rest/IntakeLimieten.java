package nl.koppelpunt.connectors.rest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.Limieten;
import nl.koppelpunt.connectors.partner.Partner;

/**
 * The limits in force for a partner: its own {@code limieten} from its partner file, each field it leaves out taken
 * from the global defaults {@code koppelpunt.intake.verzoeken-per-seconde}, {@code .burst} and {@code .max-body-bytes}.
 * Invalid defaults stop the start with the same message as an invalid partner file.
 */
@Component
public class IntakeLimieten {

    private final Limieten standaard;

    public IntakeLimieten(@Value("${koppelpunt.intake.verzoeken-per-seconde:100}") long verzoekenPerSeconde,
                          @Value("${koppelpunt.intake.burst:200}") long burst,
                          @Value("${koppelpunt.intake.max-body-bytes:1048576}") int maxBodyBytes) {
        try {
            this.standaard = new Limieten(verzoekenPerSeconde, burst, maxBodyBytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("koppelpunt.intake." + e.getMessage(), e);
        }
    }

    public Limieten standaard() {
        return standaard;
    }

    /** Every field set. */
    public Limieten voor(Partner partner) {
        return partner.limieten().aangevuldMet(standaard);
    }
}
