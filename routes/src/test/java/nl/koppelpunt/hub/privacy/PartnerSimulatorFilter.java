package nl.koppelpunt.hub.privacy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the DEBUG output of the partner simulators out of the captured test log. The end-to-end tests run the gateway
 * and the partners Citrus plays (COA and TVS as HTTP clients, the gemeenten as Jetty servers) in one JVM, and Spring's
 * web layer, switched to DEBUG for the gateway's sake, logs what those partners send and receive — BSNs included. That
 * is the partners' business, not the gateway's: dropped are only DEBUG and TRACE events of
 * <ul>
 * <li>Spring's HTTP clients ({@code org.springframework.web.client}; the gateway has none: it delivers with Camel);</li>
 * <li>Spring's web layer on Jetty's threads ({@code qtp...}; the gateway runs on Tomcat).</li>
 * </ul>
 */
public class PartnerSimulatorFilter extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.INFO)) {
            return FilterReply.NEUTRAL;
        }
        String logger = event.getLoggerName();
        if (logger.startsWith("org.springframework.web.client.")) {
            return FilterReply.DENY;
        }
        if (logger.startsWith("org.springframework.web.") && event.getThreadName().startsWith("qtp")) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
