package nl.koppelpunt.hub.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where the partners' SFTP folders live: {@code <root>/<partner-id>/}, the processed files under {@code archief/}. */
@Component
public class SftpMappen {

    static final String ARCHIEF = "archief";

    private final Path root;

    public SftpMappen(@Value("${koppelpunt.sftp.dir:${koppelpunt.data-dir}/sftp}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Creates the partner's folder if needed. Partner ids are validated slugs, so this cannot leave the root. */
    public Path inbox(String partnerId) throws IOException {
        Path dir = root.resolve(partnerId).normalize();
        if (!dir.getParent().equals(root)) {
            throw new IllegalArgumentException("not a partner folder: " + partnerId);
        }
        Files.createDirectories(dir.resolve(ARCHIEF));
        return dir;
    }
}
