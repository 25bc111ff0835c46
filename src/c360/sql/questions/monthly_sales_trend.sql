-- Seed 004, question 4: how do sales evolve month by month?
-- Every month with sales, oldest first, with the change in revenue from the month before
-- (in EUR and in percent; NULL for the first month). Months without any sale have no row.
SELECT
    month,
    total_revenue,
    total_transactions,
    unique_customers,
    total_revenue - LAG(total_revenue) OVER (ORDER BY month) AS revenue_change,
    100.0 * (total_revenue - LAG(total_revenue) OVER (ORDER BY month))
        / NULLIF(LAG(total_revenue) OVER (ORDER BY month), 0) AS revenue_change_pct
FROM monthly_revenue
ORDER BY month ASC;
