-- What each invoice file of the month holds as the invoice step read it, per currency and line
-- type: every row read, the sum of the amounts that could be read, and of those rows the ones
-- rejected (for any reason, in read, mapping or write). Accumulated while the step reads, each
-- row counted once, and never summed from invoice_line: the tie-out compares the lines loaded
-- with it (file = loaded + rejected), so a line lost or collapsed after it was read shows.
--
-- currency is NULL for rows whose currency cannot be read (and for a file refused whole, which
-- has no row: rows_read 0); line_type is NULL for rows whose line type is not one. Such rows are
-- rejected. rows_unreadable counts the rows read whose amount or currency cannot be read (not a
-- number, or more digits than invoice_line.amount keeps; not an ISO code): they are rejected and
-- in no sum; unreadable_lines lists the first of their lines ('4,9').
--
-- Written by the step when it completes, replacing the month's: a few rows a file. No primary
-- key, since currency and line type may be NULL.
CREATE TABLE invoice_file_total (
    billing_month    CHAR(7)       NOT NULL,
    source_file      VARCHAR(1000) NOT NULL,
    currency         CHAR(3),
    line_type        VARCHAR(16),
    rows_read        BIGINT        NOT NULL,
    amount_read      NUMERIC(38,6) NOT NULL,
    rows_rejected    BIGINT        NOT NULL,
    amount_rejected  NUMERIC(38,6) NOT NULL,
    rows_unreadable  BIGINT        NOT NULL,
    unreadable_lines VARCHAR(200)
);

CREATE INDEX invoice_file_total_month_idx ON invoice_file_total (billing_month);

-- The totals per invoice were summed from the loaded lines, so they could never show a line
-- lost: the tie-out reads invoice_file_total instead.
DROP TABLE invoice_total;
