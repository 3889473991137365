-- The month's estimates summed per channel, client, category, pricing type, currency, country,
-- source kind and whether they count, written with the estimates in the same transactions (one
-- set of sums per chunk of rows, so a channel may have several). The pricing's tier volumes, the
-- estimate side and the evidence for likely causes read these some hundred thousand rows instead
-- of the six million estimates of a large partner: four passes over them before, none now. The
-- estimates' totals for the tie-out are still taken from the estimates themselves, which checks
-- these sums against them.
--
-- A cost priced from the rate card is added by the pricing, in rows of its own
-- (added_by_pricing): an estimate priced so is counted in unpriced_rows when loaded, and taken
-- out again, with its cost added, by the pricing's row. The pricing replaces its rows whenever it
-- runs. The edge-day volumes are those of the estimates on the day before the month, its first
-- and last day and the day after (the time zone boundary's evidence); NULL where none fell there.
CREATE TABLE estimate_summary (
    billing_month      CHAR(7)       NOT NULL,
    source_kind        VARCHAR(16)   NOT NULL,
    channel_id         VARCHAR(64)   NOT NULL,
    client_id          VARCHAR(64)   NOT NULL,
    pricing_category   VARCHAR(40)   NOT NULL,
    pricing_type       VARCHAR(40)   NOT NULL,
    currency           CHAR(3)       NOT NULL,
    country            VARCHAR(2),
    counts_as_estimate BOOLEAN       NOT NULL,
    added_by_pricing   BOOLEAN       NOT NULL,
    volume             BIGINT        NOT NULL,
    cost               NUMERIC(24,6) NOT NULL,
    unpriced_rows      BIGINT        NOT NULL,
    volume_day_before  BIGINT,
    volume_first_day   BIGINT,
    volume_last_day    BIGINT,
    volume_day_after   BIGINT
);

CREATE INDEX estimate_summary_month_idx ON estimate_summary (billing_month, source_kind);

-- Months loaded before this table existed: their sums, as they stand.
INSERT INTO estimate_summary (billing_month, source_kind, channel_id, client_id, pricing_category, pricing_type,
    currency, country, counts_as_estimate, added_by_pricing, volume, cost, unpriced_rows, volume_day_before,
    volume_first_day, volume_last_day, volume_day_after)
SELECT u.billing_month, u.source_kind, u.channel_id, u.client_id, u.pricing_category, u.pricing_type, u.currency,
    u.country, u.counts_as_estimate, FALSE, SUM(u.volume),
    SUM(CASE WHEN u.cost_source = 'RATE_CARD' THEN 0 ELSE COALESCE(u.cost, 0) END),
    SUM(CASE WHEN u.cost_source = 'RATE_CARD' THEN 1 ELSE 0 END),
    SUM(CASE WHEN u.local_date = CAST(m.first_day - INTERVAL '1' DAY AS DATE) THEN u.volume END),
    SUM(CASE WHEN u.local_date = m.first_day THEN u.volume END),
    SUM(CASE WHEN u.local_date = CAST(m.first_day + INTERVAL '1' MONTH - INTERVAL '1' DAY AS DATE) THEN u.volume END),
    SUM(CASE WHEN u.local_date = CAST(m.first_day + INTERVAL '1' MONTH AS DATE) THEN u.volume END)
FROM usage_estimate u
JOIN (SELECT DISTINCT billing_month, CAST(billing_month || '-01' AS DATE) AS first_day FROM usage_estimate) m
  ON m.billing_month = u.billing_month
GROUP BY u.billing_month, u.source_kind, u.channel_id, u.client_id, u.pricing_category, u.pricing_type, u.currency,
    u.country, u.counts_as_estimate;

INSERT INTO estimate_summary (billing_month, source_kind, channel_id, client_id, pricing_category, pricing_type,
    currency, country, counts_as_estimate, added_by_pricing, volume, cost, unpriced_rows)
SELECT billing_month, source_kind, channel_id, client_id, pricing_category, pricing_type, currency, country,
    counts_as_estimate, TRUE, 0, SUM(cost), -COUNT(*)
FROM usage_estimate
WHERE cost_source = 'RATE_CARD' AND cost IS NOT NULL
GROUP BY billing_month, source_kind, channel_id, client_id, pricing_category, pricing_type, currency, country,
    counts_as_estimate;

-- The channels with an export are now the summary's.
DROP TABLE estimate_channel;
