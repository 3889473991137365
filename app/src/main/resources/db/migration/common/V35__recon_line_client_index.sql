-- A client's lines of several months (the statement's last 12 months) in one range of the
-- index: recon_line_month_idx starts with the month, so a range of months reads every client's.
CREATE INDEX recon_line_client_idx ON recon_line (client_id, billing_month);
