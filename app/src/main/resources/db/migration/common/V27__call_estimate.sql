-- The month's estimates of WhatsApp calls, from call analytics exports (per day, direction and
-- called country: a count and an average duration) and, later, from calls webhooks (one row a
-- call). billed_pulses are the 6-second pulses charged (0 for free calls: user-initiated ones);
-- from an export they are count x ceil(average_duration / 6), approximate.
CREATE TABLE call_estimate (
    billing_month      CHAR(7)       NOT NULL,
    channel_id         VARCHAR(64)   NOT NULL,
    client_id          VARCHAR(64)   NOT NULL,
    call_start         BIGINT,                   -- UTC epoch seconds of the data point or call
    local_date         DATE          NOT NULL,   -- the day, in the WABA's time zone
    country            VARCHAR(2),               -- the called number's country
    direction          VARCHAR(24)   NOT NULL,   -- BUSINESS_INITIATED, USER_INITIATED
    calls              BIGINT        NOT NULL,
    duration_seconds   BIGINT        NOT NULL,   -- talk time: count x average duration
    billed_pulses      BIGINT        NOT NULL,
    cost               NUMERIC(19,6),            -- NULL until priced with the rate card
    currency           CHAR(3)       NOT NULL,
    cost_source        VARCHAR(16)   NOT NULL,   -- SOURCE (as exported), RATE_CARD, FREE
    source_kind        VARCHAR(16)   NOT NULL,   -- EXPORT, WEBHOOK
    approximate        BOOLEAN       NOT NULL,   -- pulses from an average, not from each call
    counts_as_estimate BOOLEAN       NOT NULL,   -- FALSE for the days just outside the month
    source_file        VARCHAR(1000) NOT NULL,
    source_line        BIGINT,
    source_position    VARCHAR(200)
);

CREATE INDEX call_estimate_month_idx ON call_estimate (billing_month, channel_id);
