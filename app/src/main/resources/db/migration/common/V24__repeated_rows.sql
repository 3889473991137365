-- A usage or balance row repeated from another file (a copy of an export under a second name,
-- a file repeating some rows of another) must count once.
--
-- The channels whose estimates of a source kind (EXPORT, BALANCE) came from more than one file
-- in a month, noted as the rows load, in the same transactions: only their rows can repeat
-- another file's, so only they are compared once the month's exports are in. Each channel's rows
-- normally come from one file, and then this table stays empty for the month. A channel may be
-- listed more than once (once per chunk that found it).
CREATE TABLE repeat_channel (
    billing_month CHAR(7)     NOT NULL,
    source_kind   VARCHAR(16) NOT NULL,
    channel_id    VARCHAR(64) NOT NULL
);

CREATE INDEX repeat_channel_month_idx ON repeat_channel (billing_month, source_kind);

-- The estimates found to repeat a row of another file, with the row kept (the first, by file
-- name and line, of the rows sharing the key): filled, read and emptied in the one transaction
-- that removes those estimates from usage_estimate and rejects their rows.
CREATE TABLE repeated_estimate (
    billing_month      CHAR(7)       NOT NULL,
    source_kind        VARCHAR(16)   NOT NULL,
    channel_id         VARCHAR(64)   NOT NULL,
    client_id          VARCHAR(64)   NOT NULL,
    usage_start        BIGINT,
    local_date         DATE          NOT NULL,
    country            VARCHAR(2),
    pricing_category   VARCHAR(40)   NOT NULL,
    pricing_type       VARCHAR(40)   NOT NULL,
    tier               VARCHAR(40),
    volume             BIGINT        NOT NULL,
    cost               NUMERIC(19,6),
    currency           CHAR(3)       NOT NULL,
    cost_source        VARCHAR(16)   NOT NULL,
    counts_as_estimate BOOLEAN       NOT NULL,
    source_file        VARCHAR(1000) NOT NULL,
    source_line        BIGINT,
    source_position    VARCHAR(200),
    kept_file          VARCHAR(1000) NOT NULL,
    kept_line          BIGINT,
    kept_position      VARCHAR(200)
);

CREATE INDEX repeated_estimate_row_idx ON repeated_estimate (billing_month, source_kind, source_file, source_line);
