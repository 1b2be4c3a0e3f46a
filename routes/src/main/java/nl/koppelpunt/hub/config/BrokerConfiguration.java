package nl.koppelpunt.hub.config;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redelivery and dead-lettering for the embedded broker. A transacted consumer that fails rolls back; the broker then
 * waits (1 s, doubling up to a minute) before trying again, and after ten attempts moves the message to
 * {@code koppelpunt.dlq}, where it stays visible for replay. An external broker needs the same address settings.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    static final String DEAD_LETTER_ADDRESS = "koppelpunt.dlq";

    @Bean
    ArtemisConfigurationCustomizer koppelpuntAddressSettings() {
        return configuration -> configuration.addAddressSetting("koppelpunt.#", new AddressSettings()
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(60_000)
                .setMaxDeliveryAttempts(10)
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                .setAutoCreateDeadLetterResources(true));
    }
}
