-- DUO's quarterly inburgering results: aggregates per gemeente and cohort, no personal data.
-- One row per quarter says which delivery holds it; a newer delivery for the same quarter replaces the rows whole.
CREATE TABLE inburgeringskwartaal (
    kwartaal      text        PRIMARY KEY CHECK (kwartaal ~ '^[0-9]{4}-Q[1-4]$'),
    versie        integer     NOT NULL,
    aangeleverd_door text     NOT NULL,
    aangeleverd_op timestamptz NOT NULL
);

CREATE TABLE inburgeringsresultaat (
    kwartaal                 text    NOT NULL REFERENCES inburgeringskwartaal (kwartaal) ON DELETE CASCADE,
    gemeentecode             text    NOT NULL,
    cohortjaar               integer NOT NULL,
    inburgeringsplichtigen   integer NOT NULL CHECK (inburgeringsplichtigen >= 0),
    voldaan                  integer NOT NULL CHECK (voldaan >= 0),
    ontheven                 integer NOT NULL CHECK (ontheven >= 0),
    nog_inburgeringsplichtig integer NOT NULL CHECK (nog_inburgeringsplichtig >= 0),
    termijn_verstreken       integer CHECK (termijn_verstreken >= 0),
    lening_toegekend         integer CHECK (lening_toegekend >= 0),
    PRIMARY KEY (kwartaal, gemeentecode, cohortjaar),
    CHECK (voldaan + ontheven + nog_inburgeringsplichtig = inburgeringsplichtigen)
);
CREATE INDEX inburgeringsresultaat_gemeente ON inburgeringsresultaat (gemeentecode, cohortjaar, kwartaal);

-- The regional figures count koppelingen per arbeidsmarktregio and gemeente.
CREATE INDEX koppeling_regio ON koppeling (arbeidsmarktregio, gemeentecode) WHERE actief;

-- The sectors of each person's latest screening, taken out at processing time, because the payload is encrypted at
-- rest and a statistics query cannot read it. Only the sector codes of the contract's list; gone with the message.
CREATE TABLE screening_sectoren (
    onderwerp_pseudoniem text   PRIMARY KEY,
    bericht_id           uuid   NOT NULL REFERENCES bericht (id) ON DELETE CASCADE,
    volgnummer           bigint NOT NULL,
    sectoren             text   NOT NULL
);
