package nl.koppelpunt.connectors.rest;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a request body up to a limit. A declared Content-Length over the limit is refused before reading anything;
 * a chunked body is read to one byte past the limit at most, so no client can make the hub buffer more.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    static byte[] read(HttpServletRequest request, int limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw new BodyTooLargeException(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new BodyTooLargeException(limit);
            }
            return body;
        }
    }
}
