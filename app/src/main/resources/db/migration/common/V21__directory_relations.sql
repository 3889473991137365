-- The directory's relations, held by the database itself: a WABA has one client, one invoicing
-- currency and one time zone (the waba table, one row per WABA), every channel's copy of them is
-- its WABA's (the foreign key), and a phone number id or a display number names one channel
-- (Meta's invoice finds a channel by the first, its analytics by the second). A WABA whose values
-- change takes all its channels along (ON UPDATE CASCADE): the channels step lets a WABA change
-- only when every channel recorded on it moves with it or has left it.
--
-- A database whose channels already break these relations stops here, naming the WABA or the
-- number (a duplicate key): correct those channel rows, then start again.
CREATE TABLE waba (
    waba_id       VARCHAR(32) NOT NULL PRIMARY KEY,
    client_id     VARCHAR(64) NOT NULL REFERENCES client (client_id),
    waba_timezone VARCHAR(64) NOT NULL,
    waba_currency CHAR(3)     NOT NULL,
    updated_at    TIMESTAMP   NOT NULL,
    CONSTRAINT waba_values_uq UNIQUE (waba_id, client_id, waba_timezone, waba_currency)
);

INSERT INTO waba (waba_id, client_id, waba_timezone, waba_currency, updated_at)
SELECT waba_id, client_id, waba_timezone, waba_currency, MAX(updated_at)
FROM channel
GROUP BY waba_id, client_id, waba_timezone, waba_currency;

ALTER TABLE channel ADD CONSTRAINT channel_waba_fk FOREIGN KEY (waba_id, client_id, waba_timezone, waba_currency)
    REFERENCES waba (waba_id, client_id, waba_timezone, waba_currency) ON UPDATE CASCADE;

DROP INDEX channel_phone_number_idx;
CREATE UNIQUE INDEX channel_phone_number_uq ON channel (phone_number_id);
CREATE UNIQUE INDEX channel_display_phone_number_uq ON channel (display_phone_number);
