package nl.koppelpunt.hub.privacy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up failure report for missing or wrong encryption keys: what is wrong and what the operator should set. */
public class SleutelConfiguratieAnalyse extends AbstractFailureAnalyzer<SleutelConfiguratieFout> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SleutelConfiguratieFout cause) {
        return new FailureAnalysis("Encryption keys for data at rest: " + cause.getMessage(),
                "Configure the keys from the environment, never the repository: koppelpunt.versleuteling.sleutels.<id> "
                        + "(base64 of 32 random bytes, e.g. `openssl rand -base64 32`; as environment variable "
                        + "KOPPELPUNT_VERSLEUTELING_SLEUTELS_<ID>) and koppelpunt.versleuteling.actieve-sleutel=<id>. "
                        + "See docs/security/versleuteling.md.",
                cause);
    }
}
