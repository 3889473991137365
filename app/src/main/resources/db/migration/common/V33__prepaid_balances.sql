-- Prepaid balances of channels on Direct Payment: the client prepays per phone number and Meta
-- deducts its charges from that balance.
ALTER TABLE channel ADD COLUMN payment_mode VARCHAR(16) DEFAULT 'PARTNER' NOT NULL;

-- directory/auto-renewal.csv: when the balance falls below the threshold, the amount is added.
-- Cumulative like the directory: a close replaces what the file says now.
CREATE TABLE auto_renewal (
    channel_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
    enabled      BOOLEAN       NOT NULL,
    threshold    NUMERIC(19,6),
    amount       NUMERIC(19,6),
    currency     CHAR(3)       NOT NULL,
    source_file  VARCHAR(1000) NOT NULL,
    source_line  BIGINT        NOT NULL
);

-- <month>/balance/<channel_id>.json: the balance at the end of the month.
CREATE TABLE balance_snapshot (
    billing_month        CHAR(7)       NOT NULL,
    channel_id           VARCHAR(64)   NOT NULL,
    balance              NUMERIC(19,6) NOT NULL,
    currency             CHAR(3)       NOT NULL,
    last_renewal_amount  NUMERIC(19,6),
    last_renewal_at      TIMESTAMP WITH TIME ZONE,
    source_file          VARCHAR(1000) NOT NULL,
    PRIMARY KEY (billing_month, channel_id)
);

-- <month>/balance/movements.csv: the month's funds movements, signed as they move the balance.
CREATE TABLE funds_movement (
    billing_month  CHAR(7)       NOT NULL,
    channel_id     VARCHAR(64)   NOT NULL,
    booked_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    local_date     DATE          NOT NULL,   -- the day booked, in the WABA's time zone
    movement_type  VARCHAR(16)   NOT NULL,
    amount         NUMERIC(19,6) NOT NULL,
    currency       CHAR(3)       NOT NULL,
    reference      VARCHAR(200),
    source_file    VARCHAR(1000) NOT NULL,
    source_line    BIGINT        NOT NULL
);

CREATE INDEX funds_movement_month_idx ON funds_movement (billing_month, channel_id);

-- Each DIRECT channel's month, as the close worked it out: the roll-forward (opening + movements
-- against the snapshot; NULL where it cannot be known), usage per the invoice beside usage per the
-- movements, and how long the funds last.
CREATE TABLE balance_month (
    billing_month        CHAR(7)       NOT NULL,
    channel_id           VARCHAR(64)   NOT NULL,
    client_id            VARCHAR(64)   NOT NULL,
    currency             CHAR(3)       NOT NULL,
    opening              NUMERIC(19,6),
    added                NUMERIC(19,6) NOT NULL,
    used                 NUMERIC(19,6) NOT NULL,
    other                NUMERIC(19,6) NOT NULL,
    expected_closing     NUMERIC(19,6),
    closing              NUMERIC(19,6),            -- the snapshot; NULL without one
    difference           NUMERIC(19,6),
    invoiced_usage       NUMERIC(19,6),            -- the channel's usage lines on the invoice, its currency
    daily_cost           NUMERIC(19,6),
    days_left            NUMERIC(9,1),
    renewal_date         DATE,
    empty_date           DATE,
    runs_out_soon        BOOLEAN       NOT NULL,
    renewal_enabled      BOOLEAN       NOT NULL,
    suggested_threshold  NUMERIC(19,6),
    suggested_amount     NUMERIC(19,6),
    stable_usage         BOOLEAN       NOT NULL,
    PRIMARY KEY (billing_month, channel_id)
);
