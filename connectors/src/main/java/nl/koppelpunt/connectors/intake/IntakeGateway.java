package nl.koppelpunt.connectors.intake;

/**
 * The hub's front door for every channel. Returns only once the message is committed to the database and queued
 * persistently, so an adapter may acknowledge it (HTTP 202, SOAP ack, SFTP .ack) as soon as this returns.
 *
 * @throws IntakeException when the message is refused or the hub cannot make it durable now
 */
public interface IntakeGateway {

    IntakeReceipt accept(IntakeRequest request);
}
