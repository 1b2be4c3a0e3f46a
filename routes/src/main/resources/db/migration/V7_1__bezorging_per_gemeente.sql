-- A TVS subscription receives a message once per gekoppelde gemeente it shows it to (after a herkoppeling the new
-- gemeente's staff see the same screening): a delivery is unique per message, subscription and gemeente. For a
-- gemeente's own subscription the gemeente is always the same, so nothing changes for those rows.
ALTER TABLE bezorging DROP CONSTRAINT bezorging_uniek;
ALTER TABLE bezorging ADD CONSTRAINT bezorging_uniek UNIQUE (bericht_id, abonnement_id, gemeentecode);
