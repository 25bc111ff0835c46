-- Seed 000 consistency check: every attributed_campaign_id exists. Expected: 0.
SELECT COUNT(*) FROM orders o
LEFT JOIN campaigns c ON o.attributed_campaign_id = c.campaign_id
WHERE o.attributed_campaign_id IS NOT NULL AND c.campaign_id IS NULL;
