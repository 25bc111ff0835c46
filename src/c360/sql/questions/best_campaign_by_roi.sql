-- Seed 004, question 3: which campaign has the best ROI?
-- ROI as seed 004 defines it: (budget - spend) / budget * 100, the share of the budget left
-- unspent, not a return on the spend: clicks and conversions do not enter it, and a campaign
-- without a click can come first. Only completed campaigns compete (a scheduled campaign
-- has spent nothing, so its ROI of 100 says nothing), and a campaign without a budget has no
-- ROI (NULL). Ties go to the lower campaign_id.
SELECT
    campaign_id,
    campaign_name,
    campaign_type,
    roi
FROM campaign_performance
WHERE status = 'completed'
    AND roi IS NOT NULL
ORDER BY roi DESC, campaign_id ASC
LIMIT 1;
