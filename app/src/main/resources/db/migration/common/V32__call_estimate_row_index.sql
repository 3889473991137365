-- The pricing sets a priced call's cost by its row: by index, not by a scan of the month's calls.
CREATE UNIQUE INDEX call_estimate_row_idx ON call_estimate (row_id);
