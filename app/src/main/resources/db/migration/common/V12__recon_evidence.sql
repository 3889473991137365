-- What the likely causes of a line's difference are judged on, per line: the volume the usage
-- exports put on each day at the edge of the month (the day before, the first, the last, the
-- day after) and what the status webhooks counted where an export was there too. Built in one
-- pass over the month's estimates beside the sides; before, each discrepancy asked for these in
-- queries of its own, which needed the month's index.
CREATE TABLE recon_evidence (
    billing_month     CHAR(7)       NOT NULL,
    waba_id           VARCHAR(32)   NOT NULL,
    phone_number_id   VARCHAR(32),                  -- NULL: the line is the whole WABA
    client_id         VARCHAR(64),
    category          VARCHAR(40)   NOT NULL,
    volume_day_before BIGINT,
    volume_first_day  BIGINT,
    volume_last_day   BIGINT,
    volume_day_after  BIGINT,
    webhook_volume    BIGINT
);

CREATE INDEX recon_evidence_month_idx ON recon_evidence (billing_month);
