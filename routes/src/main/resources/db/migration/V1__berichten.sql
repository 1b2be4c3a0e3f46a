-- The transaction log: every accepted message and what happened to it.
CREATE TABLE bericht (
    id                   uuid        PRIMARY KEY,
    berichttype          text        NOT NULL,
    afzender             text        NOT NULL,          -- partner id
    kanaal               text        NOT NULL,          -- rest, soap, sftp
    idempotentie_sleutel text        NOT NULL,          -- the sender's own message id
    inhoud_hash          bytea       NOT NULL,          -- SHA-256 of the canonical JSON, to tell a repeat from a conflict
    inhoud               bytea       NOT NULL,          -- the payload as received (UTF-8 JSON)
    onderwerp_pseudoniem text        NOT NULL,          -- keyed HMAC of the person's BSN; never the BSN itself
    status               text        NOT NULL CHECK (status IN ('ontvangen', 'geparkeerd', 'bezorgd', 'vervallen', 'mislukt')),
    ontvangen_op         timestamptz NOT NULL,
    in_wachtrij_op       timestamptz,                   -- set once the message is persistently queued
    gewijzigd_op         timestamptz NOT NULL,
    CONSTRAINT bericht_idempotentie UNIQUE (afzender, idempotentie_sleutel)
);

CREATE INDEX bericht_ontvangen_op ON bericht (ontvangen_op);
-- Small partial index for the recovery sweep: only messages committed but not (yet) queued.
CREATE INDEX bericht_niet_in_wachtrij ON bericht (ontvangen_op) WHERE in_wachtrij_op IS NULL;

CREATE TABLE bericht_gebeurtenis (
    id          bigserial   PRIMARY KEY,
    bericht_id  uuid        NOT NULL REFERENCES bericht (id) ON DELETE CASCADE,
    soort       text        NOT NULL,
    tijdstip    timestamptz NOT NULL,
    toelichting text
);

CREATE INDEX bericht_gebeurtenis_bericht ON bericht_gebeurtenis (bericht_id, id);

-- Camel's JDBC idempotent repository (JdbcMessageIdRepository): processed message ids per consumer, written in the
-- consumer's database transaction so a redelivered JMS message is recognised after a crash.
CREATE TABLE camel_messageprocessed (
    processorname varchar(255) NOT NULL,
    messageid     varchar(100) NOT NULL,
    createdat     timestamp    NOT NULL,
    PRIMARY KEY (processorname, messageid)
);
