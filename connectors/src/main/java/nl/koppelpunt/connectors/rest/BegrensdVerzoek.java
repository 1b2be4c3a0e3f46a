package nl.koppelpunt.connectors.rest;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body cannot be read past a limit: the read that would pass it throws {@link BodyTooLargeException}
 * (→ 413). This covers bodies sent without a Content-Length (chunked), for every endpoint, whoever reads the body.
 */
final class BegrensdVerzoek extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    BegrensdVerzoek(HttpServletRequest request, long limit) {
        super(request);
        this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Begrensd(super.getInputStream(), limit);
        }
        return stream;
    }

    private static final class Begrensd extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long gelezen;

        Begrensd(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                tel(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                tel(n);
            }
            return n;
        }

        private void tel(int n) {
            gelezen += n;
            if (gelezen > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
