-- Seed 000 consistency check: every attributed_campaign_id exists. Expected: 0.
SELECT COUNT(*) AS violations FROM fct_orders o
LEFT JOIN dim_campaign c ON o.attributed_campaign_id = c.campaign_id
WHERE o.attributed_campaign_id IS NOT NULL AND c.campaign_id IS NULL;
