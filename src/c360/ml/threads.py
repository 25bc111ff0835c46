"""Linear algebra on one thread, so that a model's numbers are the same on every machine.

A matrix product split between threads adds its parts in another order, which can change the
last bit of a result (one CLV in 119,561 customers with two threads). At the sizes c360 fits
on, a second thread does not pay for itself either: fitting the churn model on 200,000
customers took about three times the CPU with two OpenBLAS threads as with one.
"""

from __future__ import annotations

from threadpoolctl import threadpool_limits

one_thread = threadpool_limits.wrap(limits=1, user_api="blas")
