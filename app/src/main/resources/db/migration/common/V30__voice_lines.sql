-- Invoice VOICE lines reconcile like a category, their volumes in 6-second pulses (the invoice's
-- minutes times ten). A VOICE line's evidence also counts the calls whose pulses were estimated
-- from an average (call analytics aggregates): each may be up to one pulse off, so a difference
-- within that many pulses is the rounding of aggregates.
ALTER TABLE recon_evidence ADD COLUMN rounding_calls BIGINT;
