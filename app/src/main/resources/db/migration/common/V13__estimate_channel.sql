-- The channels that have estimates of a source kind counting for a month (usage exports,
-- balance exports), written with the estimates, in the same transactions. The webhook count
-- asks whether a channel has an export: a pass over the month's six million estimates before,
-- a look at some thousands of rows now. A channel may be listed more than once (once per
-- chunk that held its rows).
CREATE TABLE estimate_channel (
    billing_month CHAR(7)     NOT NULL,
    source_kind   VARCHAR(16) NOT NULL,
    channel_id    VARCHAR(64) NOT NULL
);

CREATE INDEX estimate_channel_month_idx ON estimate_channel (billing_month, source_kind);

-- Months loaded before this table existed: their channels, once.
INSERT INTO estimate_channel (billing_month, source_kind, channel_id)
SELECT DISTINCT billing_month, source_kind, channel_id FROM usage_estimate
WHERE source_kind IN ('EXPORT', 'BALANCE') AND counts_as_estimate;
