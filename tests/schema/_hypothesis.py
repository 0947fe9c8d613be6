"""Hypothesis settings shared by the property-based tests: reproducible in CI
(derandomized), no deadline (the runners are slow and shared), modest sizes."""

from hypothesis import HealthCheck, settings

PROPERTY_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
