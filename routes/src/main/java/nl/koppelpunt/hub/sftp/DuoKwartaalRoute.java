package nl.koppelpunt.hub.sftp;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.partner.PartnerRegister;
import nl.koppelpunt.hub.duo.KwartaalbestandVerwerker;

/**
 * Picks up DUO's quarterly CSV files ({@code <sftp-dir>/<partner-id>/*.csv}) from the hosted SFTP inbox and moves
 * each to {@code archief/} once its {@code .ack} or {@code .fouten.json} is written. A route of its own beside
 * {@link SftpInboxRoute} (which takes only {@code *.ndjson}): the two select disjoint files, so neither needs to know
 * the other. The same upload rules hold: upload under another name and rename when complete.
 */
@Component
public class DuoKwartaalRoute extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(DuoKwartaalRoute.class);

    private final SftpMappen mappen;
    private final PartnerRegister partners;
    private final KwartaalbestandVerwerker verwerker;
    private final long pollMs;
    private final long stilMs;
    private final boolean aan;

    public DuoKwartaalRoute(SftpMappen mappen, PartnerRegister partners, KwartaalbestandVerwerker verwerker,
                            @Value("${koppelpunt.sftp.poll-ms:1000}") long pollMs,
                            @Value("${koppelpunt.sftp.stil-ms:1000}") long stilMs,
                            @Value("${koppelpunt.sftp.enabled:true}") boolean aan) {
        this.mappen = mappen;
        this.partners = partners;
        this.verwerker = verwerker;
        this.pollMs = pollMs;
        this.stilMs = stilMs;
        this.aan = aan;
    }

    @Override
    public void configure() {
        fromF("file:%s?recursive=true&minDepth=2&maxDepth=2&autoCreate=true&include=RAW(.*\\.csv)"
                        + "&readLock=changed&readLockCheckInterval=%d&readLockMinAge=%d&delay=%d&initialDelay=%d"
                        + "&move=RAW(${file:parent}/" + SftpMappen.ARCHIEF + "/${date:now:yyyyMMdd'T'HHmmssSSS}-${file:onlyname})",
                mappen.root(), stilMs, stilMs, pollMs, pollMs)
                .routeId("sftp-duo-kwartaal")
                .autoStartup(aan)
                .process(this::verwerk).id("sftp-duo-kwartaal-verwerken");
    }

    private void verwerk(Exchange exchange) throws Exception {
        Path bestand = exchange.getIn().getBody(File.class).toPath().toAbsolutePath().normalize();
        Path map = bestand.getParent();
        Optional<Partner> partner = map.getParent().equals(mappen.root())
                ? partners.huidig().byId(map.getFileName().toString()) : Optional.empty();
        if (partner.isEmpty()) {
            LOG.warn("CSV file in SFTP folder {} belongs to no partner: archived unprocessed", map.getFileName());
            return;
        }
        verwerker.verwerk(bestand, partner.get());
    }
}
