package nl.koppelpunt.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the contract files that ship inside this jar. */
final class ClasspathResources {

    private ClasspathResources() {
    }

    /**
     * The UTF-8 text of a classpath resource.
     *
     * @param resource path without a leading slash, e.g. {@code koppelpunt/contracts/v1/openapi.json}
     * @throws IllegalStateException when the resource is not there: the jar is broken
     */
    static String read(String resource) {
        // The class's own loader, not the thread's: in a Spring Boot fat jar or an app server the
        // context class loader may not see this library's resources.
        try (InputStream in = ClasspathResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Contract resource missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read contract resource " + resource, e);
        }
    }
}
