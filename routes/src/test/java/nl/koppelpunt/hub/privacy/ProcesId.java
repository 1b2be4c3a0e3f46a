package nl.koppelpunt.hub.privacy;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * The JVM's process id for {@code logback-test.xml}: the test JVM and every gateway a test forks
 * ({@code support.GatewayProces}, same class path) each write a log file of their own under {@code target/test-logs/},
 * so no two processes append to one file.
 */
public class ProcesId extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        return Long.toString(ProcessHandle.current().pid());
    }
}
