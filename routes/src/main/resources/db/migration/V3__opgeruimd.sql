-- A message dropped because its parking outlived the retention is gone for good: it is never routed again,
-- not even as "the latest" profile when a new koppeling or consent arrives.
ALTER TABLE bericht ADD COLUMN opgeruimd boolean NOT NULL DEFAULT false;
