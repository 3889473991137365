-- A line's reason as phrases (a JSON array of message keys and typed arguments), so that a
-- client's statement words it in the client's language; recon_line.reason keeps the partner's
-- English text. Lines reconciled before this have none: their statements show the English reason.
ALTER TABLE recon_line ADD COLUMN reason_phrases VARCHAR(8000);
