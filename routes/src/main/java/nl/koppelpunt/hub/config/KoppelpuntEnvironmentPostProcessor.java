package nl.koppelpunt.hub.config;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Artemis is embedded unless {@code spring.artemis.broker-url} is set. Boot alone would still embed a broker when the
 * server classes are on the class path, and its conditions are evaluated before any bean exists, hence this early hook.
 */
public class KoppelpuntEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty("spring.artemis.broker-url")) && !env.containsProperty("spring.artemis.mode")) {
            env.getPropertySources().addLast(new MapPropertySource("koppelpunt-external-broker",
                    Map.of("spring.artemis.mode", "native", "spring.artemis.embedded.enabled", "false")));
        }
    }
}
