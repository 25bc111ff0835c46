"""Tests of c360.text."""
