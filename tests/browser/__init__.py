"""Helpers for the real-browser tests (Chromium via Playwright, vnu, axe-core)."""
