-- The processing log (in the spirit of Logius' Logboek Dataverwerkingen): one row per data subject per processing,
-- with the W3C trace context. The subject is the keyed pseudonym of the BSN, never the BSN.
ALTER TABLE bericht ADD COLUMN trace_id text, ADD COLUMN span_id text;

-- Processing-activity id per message type (from configuration, written at start).
CREATE TABLE verwerkingsactiviteit (
    berichttype   text PRIMARY KEY,
    activiteit_id text NOT NULL
);

CREATE TABLE verwerkingslog (
    id                    bigserial   PRIMARY KEY,
    tijdstip              timestamptz NOT NULL,
    handeling             text        NOT NULL,  -- ontvangen, gevalideerd, geparkeerd, vrijgegeven, bezorgd, vervallen, ...
    verwerkingsactiviteit text,                  -- dpl.core.processing_activity_id
    betrokkene            text        NOT NULL,  -- dpl.core.data_subject_id: keyed pseudonym of the BSN
    bericht_id            uuid,
    berichttype           text,
    partner               text,                  -- the other party: sender, receiving subscription, or administrator
    status                text        NOT NULL,  -- ok | fout
    trace_id              text        NOT NULL,
    span_id               text        NOT NULL,
    parent_span_id        text,
    toelichting           text
);
CREATE INDEX verwerkingslog_betrokkene ON verwerkingslog (betrokkene, tijdstip);
CREATE INDEX verwerkingslog_trace ON verwerkingslog (trace_id);
