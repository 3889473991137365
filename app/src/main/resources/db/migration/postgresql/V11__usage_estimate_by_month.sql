-- PostgreSQL keeps each billing month's estimates in a partition of their own
-- (usage_estimate_2025_09), created by the close that loads the month. The month is loaded by
-- COPY without an index and its index is built once afterwards: maintaining the index row by
-- row doubled the load of a large partner's six million rows. A close touches only its own
-- month's partition and index, however many months the table keeps. (H2 keeps one table.)
ALTER TABLE usage_estimate RENAME TO usage_estimate_before_v11;
DROP INDEX usage_estimate_month_idx;

CREATE TABLE usage_estimate (LIKE usage_estimate_before_v11 INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY LIST (billing_month);

DO $$
DECLARE
    month TEXT;
    part  TEXT;
BEGIN
    FOR month IN SELECT DISTINCT billing_month FROM usage_estimate_before_v11 LOOP
        part := 'usage_estimate_' || replace(month, '-', '_');
        EXECUTE format('CREATE TABLE %I PARTITION OF usage_estimate FOR VALUES IN (%L)', part, month);
        EXECUTE format('INSERT INTO %I SELECT * FROM usage_estimate_before_v11 WHERE billing_month = %L', part, month);
        EXECUTE format('CREATE INDEX %I ON %I (channel_id)', part || '_idx', part);
    END LOOP;
END $$;

DROP TABLE usage_estimate_before_v11;
