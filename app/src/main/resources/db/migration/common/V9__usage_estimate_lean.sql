-- The month's estimates are loaded in bulk (6 million rows for a large partner) and every
-- index is maintained row by row during the load. Nothing refers to a single estimate by its
-- id, and deletes by month and source kind are served by the month index's prefix, so the
-- surrogate key and the second index go: one index is left to maintain instead of three.
DROP INDEX usage_estimate_kind_idx;
ALTER TABLE usage_estimate DROP COLUMN usage_estimate_id;
