package nl.koppelpunt.hub.config;

import java.time.Clock;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import nl.koppelpunt.connectors.partner.PartnerRegister;
import nl.koppelpunt.connectors.partner.PartnerCatalogLoader;
import nl.koppelpunt.hub.intake.StrictJson;
import nl.koppelpunt.hub.opslag.JdbcHubOpslag;
import nl.koppelpunt.hub.regels.RegelMotor;
import nl.koppelpunt.schemas.ContractCatalog;
import nl.koppelpunt.schemas.ContractValidator;

/** Beans shared by the hub's flows. */
@Configuration(proxyBeanMethods = false)
public class HubConfiguration {

    /** Transaction policy name used by {@code transacted(...)} in routes that write to the database. */
    public static final String DB_TRANSACTIE = "dbTransactie";
    /** Processor name under which the processing consumer records the message ids it has handled. */
    public static final String VERWERKING_REPOSITORY = "verwerkingRepository";

    /** Static: a bean factory post-processor must exist before the configuration class is instantiated. */
    @Bean
    static DevelopmentSecrets developmentSecrets() {
        return new DevelopmentSecrets();
    }

    @Bean
    PartnerRegister partnerRegister(@Value("${koppelpunt.partners.location}") String location, Environment env) {
        PartnerCatalogLoader loader = new PartnerCatalogLoader();
        return new PartnerRegister(() -> loader.load(location, env::resolveRequiredPlaceholders));
    }

    @Bean
    StrictJson strictJson(@Value("${koppelpunt.intake.max-nesting-depth:32}") int maxNestingDepth) {
        return new StrictJson(maxNestingDepth);
    }

    @Bean
    ContractValidator contractValidator() {
        return ContractCatalog.v1().validator();
    }

    /** Dates in the rules (is a consent in force today?) are Dutch dates. */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/Amsterdam"));
    }

    @Bean
    RegelMotor regelMotor(JdbcHubOpslag opslag, PartnerRegister partners, Clock clock) {
        return new RegelMotor(opslag, partners, clock);
    }

    @Bean(DB_TRANSACTIE)
    SpringTransactionPolicy dbTransactie(PlatformTransactionManager transactionManager) {
        SpringTransactionPolicy policy = new SpringTransactionPolicy(transactionManager);
        policy.setPropagationBehaviorName("PROPAGATION_REQUIRED");
        return policy;
    }

    /**
     * Camel's JDBC idempotent repository. Its template joins the route's database transaction, so the id is recorded
     * if and only if the processing commits: a JMS redelivery after a crash between the two commits is recognised.
     */
    @Bean(VERWERKING_REPOSITORY)
    JdbcMessageIdRepository verwerkingRepository(DataSource dataSource, PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, template, "verwerking");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
