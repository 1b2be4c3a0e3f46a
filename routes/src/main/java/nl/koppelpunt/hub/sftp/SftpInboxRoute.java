package nl.koppelpunt.hub.sftp;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.partner.PartnerRegister;

/**
 * Picks up complete batch files from the partners' SFTP folders ({@code <sftp-dir>/<partner-id>/}) and moves each to
 * {@code archief/} once its {@code .ack} and {@code .fouten.json} are written. Which files, and who processes them,
 * comes from the {@link InboxBestandsverwerker} beans (NDJSON and XML batches, plain or PGP: {@link BatchVerwerker}).
 *
 * <p>Only names a verwerker takes are picked up and hidden files never, so a partner uploads under another name
 * ({@code x.ndjson.part} or {@code .x.ndjson}) and renames when done; {@code readLock=changed} guards clients that
 * write in place. A run that fails (the hub cannot store now, a crash) leaves the file where it is: the next poll
 * processes it again from the first line, and the line ids make that idempotent.
 */
@Component
public class SftpInboxRoute extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(SftpInboxRoute.class);

    private final SftpMappen mappen;
    private final PartnerRegister partners;
    private final List<InboxBestandsverwerker> verwerkers;
    private final long pollMs;
    private final long stilMs;
    private final boolean aan;

    public SftpInboxRoute(SftpMappen mappen, PartnerRegister partners, List<InboxBestandsverwerker> verwerkers,
                          @Value("${koppelpunt.sftp.poll-ms:1000}") long pollMs,
                          @Value("${koppelpunt.sftp.stil-ms:1000}") long stilMs,
                          @Value("${koppelpunt.sftp.enabled:true}") boolean aan) {
        this.mappen = mappen;
        this.partners = partners;
        this.verwerkers = List.copyOf(verwerkers);
        this.pollMs = pollMs;
        this.stilMs = stilMs;
        this.aan = aan;
    }

    @Override
    public void configure() {
        // minDepth/maxDepth 2: files directly in a partner's folder, never in its archief/ or in the root.
        fromF("file:%s?recursive=true&minDepth=2&maxDepth=2&autoCreate=true&include=RAW{%s}"
                        + "&readLock=changed&readLockCheckInterval=%d&readLockMinAge=%d&delay=%d&initialDelay=%d"
                        + "&move=RAW(${file:parent}/" + SftpMappen.ARCHIEF + "/${date:now:yyyyMMdd'T'HHmmssSSS}-${file:onlyname})",
                mappen.root(), bestandsnamen(), stilMs, stilMs, pollMs, pollMs)
                .routeId("sftp-inbox")
                .autoStartup(aan)
                .process(this::verwerk).id("sftp-batch-verwerken");
    }

    private void verwerk(Exchange exchange) throws Exception {
        Path bestand = exchange.getIn().getBody(File.class).toPath().toAbsolutePath().normalize();
        Path map = bestand.getParent();
        Optional<Partner> partner = map.getParent().equals(mappen.root())
                ? partners.huidig().byId(map.getFileName().toString()) : Optional.empty();
        if (partner.isEmpty() || partner.get().berichttypen().isEmpty()) {
            // Only folders the server created can hold files; one left from a partner that was removed stays put.
            LOG.warn("SFTP batch in folder {} belongs to no sending partner: archived unprocessed", map.getFileName());
            return;
        }
        String naam = bestand.getFileName().toString();
        for (InboxBestandsverwerker verwerker : verwerkers) {
            if (verwerker.bestandsnamen().matcher(naam).matches()) {
                verwerker.verwerkBestand(bestand, partner.get());
                return;
            }
        }
    }

    /** What the verwerkers take, as one pattern for the file component. */
    private String bestandsnamen() {
        return verwerkers.stream().map(v -> "(?:" + v.bestandsnamen().pattern() + ")").collect(Collectors.joining("|"));
    }
}
