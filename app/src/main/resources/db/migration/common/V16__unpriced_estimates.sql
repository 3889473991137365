-- No silent zero: an estimate without cost that the rate card cannot price keeps no cost, and
-- every line it reaches says so (status UNPRICED) instead of counting it as 0.00.
--
-- unpriced_volume: the volume of the estimates still to be priced from the rate card (at load,
-- that of the estimates without cost; the pricing's rows take out what they priced).
-- unpriced_reason: on the pricing's rows for estimates it could not price, which rate is missing.
ALTER TABLE estimate_summary ADD COLUMN unpriced_volume BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE estimate_summary ADD COLUMN unpriced_reason VARCHAR(1000);

ALTER TABLE recon_side ADD COLUMN unpriced_rows BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE recon_side ADD COLUMN unpriced_volume BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE recon_side ADD COLUMN unpriced_reason VARCHAR(1000);

-- The rate-card cost of each channel's estimates per recipient country: the client's cost in the
-- market and category (tiers counted on its whole volume there, in every currency), rounded to
-- the currency and shared to the cent by volume (com.wabarecon.rules.CostShares). Each estimate
-- without cost gets its part of its group's cost by volume.
DROP TABLE estimate_unit_price;
CREATE TABLE estimate_price (
    billing_month    CHAR(7)       NOT NULL,
    channel_id       VARCHAR(64)   NOT NULL,
    currency         CHAR(3)       NOT NULL,
    country          VARCHAR(2)    NOT NULL,
    pricing_category VARCHAR(40)   NOT NULL,
    volume           BIGINT        NOT NULL,   -- the group's volume priced
    cost             NUMERIC(24,6) NOT NULL,   -- its share, at the currency's precision
    market           VARCHAR(100)  NOT NULL,
    rate_card        DATE          NOT NULL,   -- effective_from of the rate applied
    PRIMARY KEY (billing_month, channel_id, currency, country, pricing_category)
);

-- The versions of a rate the close refused (tiers that overlap or leave a gap, one version in two
-- files): never used, and an estimate whose rate in force is refused stays unpriced.
CREATE TABLE rate_card_refusal (
    billing_month  CHAR(7)       NOT NULL,
    effective_from DATE          NOT NULL,
    currency       CHAR(3)       NOT NULL,
    market         VARCHAR(100)  NOT NULL,
    category       VARCHAR(40)   NOT NULL,
    reason         VARCHAR(2000) NOT NULL
);

CREATE INDEX rate_card_refusal_month_idx ON rate_card_refusal (billing_month);
