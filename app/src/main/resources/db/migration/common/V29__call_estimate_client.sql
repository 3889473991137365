-- A statement reads its client's calls in one query: by month and client.
CREATE INDEX call_estimate_client_idx ON call_estimate (billing_month, client_id);
