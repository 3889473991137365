-- The month's calls webhooks (terminate events), staged as read: a call id may come more than
-- once (Meta retries); the count turns each call into one call_estimate row.
CREATE TABLE call_event (
    billing_month    CHAR(7)       NOT NULL,
    channel_id       VARCHAR(64)   NOT NULL,
    call_id          VARCHAR(200)  NOT NULL,
    direction        VARCHAR(24)   NOT NULL,
    status           VARCHAR(40)   NOT NULL,
    start_time       BIGINT        NOT NULL,   -- UTC epoch seconds
    duration_seconds BIGINT,                   -- NULL when the event gives none
    local_date       DATE          NOT NULL,   -- the start's day in the WABA's time zone
    country          VARCHAR(2)    NOT NULL,   -- the called number's country
    source_file      VARCHAR(1000) NOT NULL,
    source_line      BIGINT
);

CREATE INDEX call_event_month_idx ON call_event (billing_month, channel_id, call_id);
