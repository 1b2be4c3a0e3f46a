-- The rules: koppelingen and toestemmingen registries, parked messages, deliveries per subscription.

ALTER TABLE bericht ADD COLUMN volgnummer bigserial;
ALTER TABLE bericht ADD COLUMN profielversie integer;
CREATE INDEX bericht_onderwerp ON bericht (onderwerp_pseudoniem, berichttype, volgnummer);

-- person → gemeente; at most one active koppeling per person.
CREATE TABLE koppeling (
    id                   bigserial PRIMARY KEY,
    onderwerp_pseudoniem text      NOT NULL,
    gemeentecode         text      NOT NULL,
    arbeidsmarktregio    text,
    azc                  text,
    startdatum           date      NOT NULL,
    einddatum            date,
    actief               boolean   NOT NULL,
    bericht_id           uuid      NOT NULL REFERENCES bericht (id),
    beeindigd_door       uuid      REFERENCES bericht (id)
);
CREATE UNIQUE INDEX koppeling_actief ON koppeling (onderwerp_pseudoniem) WHERE actief;

-- The latest consent per person, gemeente (and purpose); the messages keep the history.
CREATE TABLE toestemming (
    onderwerp_pseudoniem text        NOT NULL,
    gemeentecode         text        NOT NULL,
    doel                 text        NOT NULL,
    gegeven              boolean     NOT NULL,
    datum                date        NOT NULL,
    einddatum            date,
    bericht_id           uuid        NOT NULL REFERENCES bericht (id),
    gewijzigd_op         timestamptz NOT NULL,
    PRIMARY KEY (onderwerp_pseudoniem, gemeentecode)
);

-- Messages waiting for a koppeling, a consent or an onboarded gemeente ('' when no gemeente is known yet).
CREATE TABLE parkering (
    bericht_id           uuid        NOT NULL REFERENCES bericht (id) ON DELETE CASCADE,
    gemeentecode         text        NOT NULL,
    reden                text        NOT NULL CHECK (reden IN ('geen-koppeling', 'geen-toestemming', 'gemeente-niet-aangesloten')),
    onderwerp_pseudoniem text        NOT NULL,
    berichttype          text        NOT NULL,
    geparkeerd_op        timestamptz NOT NULL,
    verloopt_op          timestamptz NOT NULL,
    PRIMARY KEY (bericht_id, gemeentecode)
);
CREATE INDEX parkering_onderwerp ON parkering (onderwerp_pseudoniem, reden);
CREATE INDEX parkering_gemeente ON parkering (gemeentecode, reden);
CREATE INDEX parkering_verloopt ON parkering (verloopt_op);

-- One delivery of one message to one subscription; its id is the Idempotency-Key the receiver sees on every attempt.
CREATE TABLE bezorging (
    id                   uuid        PRIMARY KEY,
    bericht_id           uuid        NOT NULL REFERENCES bericht (id) ON DELETE CASCADE,
    abonnement_id        text        NOT NULL,
    gemeentecode         text        NOT NULL,
    berichttype          text        NOT NULL,
    onderwerp_pseudoniem text        NOT NULL,
    profielversie        integer,
    status               text        NOT NULL CHECK (status IN ('gepland', 'bezorgd', 'vervallen', 'mislukt')),
    reden                text,
    pogingen             integer     NOT NULL DEFAULT 0,
    laatste_fout         text,
    aangemaakt_op        timestamptz NOT NULL,
    in_wachtrij_op       timestamptz,
    gewijzigd_op         timestamptz NOT NULL,
    bezorgd_op           timestamptz,
    CONSTRAINT bezorging_uniek UNIQUE (bericht_id, abonnement_id)
);
CREATE INDEX bezorging_onderwerp ON bezorging (onderwerp_pseudoniem, gemeentecode, status);
CREATE INDEX bezorging_abonnement ON bezorging (onderwerp_pseudoniem, abonnement_id, status);
CREATE INDEX bezorging_status ON bezorging (status, gewijzigd_op);
CREATE INDEX bezorging_niet_in_wachtrij ON bezorging (aangemaakt_op) WHERE in_wachtrij_op IS NULL AND status = 'gepland';
