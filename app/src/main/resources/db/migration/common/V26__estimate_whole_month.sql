-- An estimate that counts the whole month (a usage export of MONTHLY granularity) is dated the
-- month's first day; whole_month says so, so that a statement shows it as the month's total and
-- not as that day's. NULL (not FALSE) for every other row: nothing more to store or to copy.
ALTER TABLE usage_estimate ADD COLUMN whole_month BOOLEAN;
