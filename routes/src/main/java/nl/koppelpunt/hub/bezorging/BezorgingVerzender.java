package nl.koppelpunt.hub.bezorging;

import java.util.List;
import java.util.Map;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsMessage;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.regels.Bezorging;

/**
 * Sends planned deliveries to their subscription queues on the JMS session of the listener that consumed the message
 * — a locally transacted session, so the sends commit together with its acknowledgement in one journal write, or roll
 * back with it. (Camel's JMS producer would use a session of its own: every send a separate synchronous write.)
 */
@Component
public class BezorgingVerzender {

    /** Property: the listener's JMS session, taken when the message arrives (before any processor replaces it). */
    public static final String LUISTERSESSIE = "KoppelpuntLuistersessie";

    public void onthoudSessie(Exchange exchange) {
        JmsMessage jms = exchange.getIn(JmsMessage.class);
        if (jms == null || jms.getJmsSession() == null) {
            throw new IllegalStateException("not consumed by a JMS listener; no session to send in");
        }
        exchange.setProperty(LUISTERSESSIE, jms.getJmsSession());
    }

    public void verstuur(Exchange exchange) throws JMSException {
        Session session = exchange.getProperty(LUISTERSESSIE, Session.class);
        if (!session.getTransacted()) {
            throw new IllegalStateException("the listener session must be transacted, or a send could outlive a rollback");
        }
        @SuppressWarnings("unchecked")
        List<Bezorging> gepland = exchange.getMessage().getBody(List.class);
        for (Bezorging bezorging : gepland) {
            Message message = session.createTextMessage(bezorging.id().toString());
            for (Map.Entry<String, String> e : BezorgingWachtrij.kenmerken(bezorging).entrySet()) {
                message.setStringProperty(e.getKey(), e.getValue());
            }
            MessageProducer producer = session.createProducer(
                    session.createQueue(AbonnementRoute.wachtrij(bezorging.abonnementId())));
            try {
                producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
            } finally {
                producer.close();
            }
        }
    }
}
