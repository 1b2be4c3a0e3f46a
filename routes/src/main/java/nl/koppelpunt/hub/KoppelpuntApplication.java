package nl.koppelpunt.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Koppelpunt gateway: REST intake, the hub's flows on Artemis, the transaction log in PostgreSQL. */
@SpringBootApplication(scanBasePackages = "nl.koppelpunt")
public class KoppelpuntApplication {

    public static void main(String[] args) {
        SpringApplication.run(KoppelpuntApplication.class, args);
    }
}
