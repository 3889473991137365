-- Approximate charges for the month after a close: per client, channel (or WABA) and category,
-- the forecast volume with its 80 % interval (none with low confidence) and its cost at the rate
-- card in force on that month's first day (NULL, unknown, where no rate prices it).
CREATE TABLE forecast_line (
    billing_month    CHAR(7)       NOT NULL,   -- the month closed
    forecast_month   CHAR(7)       NOT NULL,   -- the month forecast
    client_id        VARCHAR(64)   NOT NULL,
    waba_id          VARCHAR(32)   NOT NULL,
    phone_number_id  VARCHAR(32),              -- NULL: the whole WABA
    category         VARCHAR(40)   NOT NULL,
    currency         CHAR(3)       NOT NULL,
    months_used      INTEGER       NOT NULL,
    volume           BIGINT        NOT NULL,
    volume_low       BIGINT,
    volume_high      BIGINT,
    low_confidence   BOOLEAN       NOT NULL,
    cost             NUMERIC(19,6),
    cost_low         NUMERIC(19,6),
    cost_high        NUMERIC(19,6),
    unpriced_reason  VARCHAR(1000)
);

CREATE INDEX forecast_line_month_idx ON forecast_line (billing_month, client_id);
