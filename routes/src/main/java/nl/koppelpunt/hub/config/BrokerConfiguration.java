package nl.koppelpunt.hub.config;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redelivery and dead-lettering for the embedded broker. A transacted consumer that fails rolls back; the broker then
 * waits (1 s, doubling up to a minute) before trying again, and after ten attempts moves the message to
 * {@code koppelpunt.dlq}, where route {@code dead-letters} records it as failed on its message, for replay. The
 * dead-letter queue itself never dead-letters (that would loop): a record that fails there is retried slowly until it
 * succeeds. An external broker needs the same address settings.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    static final String DEAD_LETTER_ADDRESS = "koppelpunt.dlq";

    @Bean
    ArtemisConfigurationCustomizer koppelpuntAddressSettings(
            @Value("${koppelpunt.broker.max-pogingen:10}") int maxPogingen,
            @Value("${koppelpunt.broker.wachttijd-ms:1000}") long wachttijd,
            @Value("${koppelpunt.broker.max-wachttijd-ms:60000}") long maxWachttijd) {
        return configuration -> configuration
                .addAddressSetting("koppelpunt.#", new AddressSettings()
                        .setRedeliveryDelay(wachttijd)
                        .setRedeliveryMultiplier(2.0)
                        .setMaxRedeliveryDelay(maxWachttijd)
                        .setMaxDeliveryAttempts(maxPogingen)
                        .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                        .setAutoCreateDeadLetterResources(false))
                .addAddressSetting(DEAD_LETTER_ADDRESS, new AddressSettings()
                        .setRedeliveryDelay(wachttijd)
                        .setRedeliveryMultiplier(2.0)
                        .setMaxRedeliveryDelay(5 * maxWachttijd)
                        .setMaxDeliveryAttempts(-1));
    }
}
