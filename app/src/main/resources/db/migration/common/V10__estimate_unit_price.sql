-- The unit price the rate card gave each client, currency, country and category of a month
-- (tiers counted on the client's volume in the market). Kept as the record of how estimates
-- without cost were priced, and applied to them in one set-based MERGE: an UPDATE per group
-- scanned the month's estimates once per group.
CREATE TABLE estimate_unit_price (
    billing_month    CHAR(7)        NOT NULL,
    client_id        VARCHAR(64)    NOT NULL,
    currency         CHAR(3)        NOT NULL,
    country          VARCHAR(2)     NOT NULL,
    pricing_category VARCHAR(40)    NOT NULL,
    unit_cost        NUMERIC(30,12) NOT NULL,
    rate_card        DATE           NOT NULL,   -- effective_from of the rate card version applied
    PRIMARY KEY (billing_month, client_id, currency, country, pricing_category)
);
