package nl.koppelpunt.hub.sftp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import nl.koppelpunt.connectors.partner.Partner;

/**
 * One kind of file the SFTP inbox takes, chosen by the file name: every bean of this type adds its pattern to what
 * {@link SftpInboxRoute} picks up, and the route hands a file to the first verwerker whose pattern matches. A new file
 * kind (the DUO quarterly CSV, say) is a new bean, not a change to the route.
 *
 * <p>The verwerker writes its own {@code .ack} / {@code .fouten.json} beside the file; the route archives the file
 * afterwards. A verwerker that throws leaves the file in place for the next poll, so it must be idempotent.
 */
public interface InboxBestandsverwerker {

    /** The file names (not paths) this verwerker takes, as a regular expression; hidden files are never offered. */
    Pattern bestandsnamen();

    void verwerkBestand(Path bestand, Partner partner) throws IOException;
}
