"""Tests of c360.identity."""
