package nl.koppelpunt.hub.beveiliging;

import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.koppelpunt.hub.KoppelpuntApplication;
import nl.koppelpunt.hub.support.HubClient;

/**
 * A gateway of its own for the hardening tests that need partners with small limits ({@code beveiliging-partners/}),
 * and a start whose logs are all captured ({@link LogVanger}, attached when this class is loaded, before Spring starts
 * the context). Subclasses share this one context.
 */
@SpringBootTest(classes = KoppelpuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BeveiligdeGatewayTest {

    static final LogVanger LOGS = LogVanger.vangAlles();
    static final Path DATA_DIR = HubClient.tijdelijkeMap("koppelpunt-beveiliging-");
    /** The global body limit of this context: lower than the 1 MiB default, so a partner without limieten shows it. */
    static final int STANDAARD_MAX_BODY = 8192;

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("koppelpunt.data-dir", DATA_DIR::toString);
        registry.add("koppelpunt.partners.location", () -> "classpath:beveiliging-partners/*.yaml");
        registry.add("koppelpunt.intake.max-body-bytes", () -> STANDAARD_MAX_BODY);
        registry.add("koppelpunt.bezorging.auto-startup", () -> "false");
    }

    protected HubClient client(String partnerId) {
        return HubClient.partner(DATA_DIR, partnerId, port);
    }
}
