package nl.koppelpunt.hub.sftp;

import java.io.IOException;

/**
 * The whole file is refused before any of its messages is accepted: it cannot be trusted (PGP), or it cannot be read
 * safely (a DTD in an XML batch). The partner gets a {@code .fouten.json} with this reason and no {@code .ack}.
 */
final class BatchGeweigerd extends IOException {

    private static final long serialVersionUID = 1L;

    private final String slug;
    private final String titel;

    BatchGeweigerd(String slug, String titel, String detail) {
        super(detail);
        this.slug = slug;
        this.titel = titel;
    }

    String slug() {
        return slug;
    }

    String titel() {
        return titel;
    }
}
